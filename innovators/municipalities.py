"""The 20 comuni of the Provincia di Pistoia: ISTAT code and the centre of the main town.

Reference data, loaded by `home.setup.set_up_portal` (the setup that the migration
`home/0002_portal_setup`, the demo and the tests share).
Abetone Cutigliano (2017) and San Marcello Piteglio (2017) are the merged comuni.
"""

# (ISTAT code, name, latitude, longitude)
MUNICIPALITIES = [
    ("047002", "Agliana", 43.9036, 10.9959),
    ("047003", "Buggiano", 43.8775, 10.7300),
    ("047005", "Lamporecchio", 43.8172, 10.8946),
    ("047006", "Larciano", 43.8347, 10.8859),
    ("047007", "Marliana", 43.9339, 10.7708),
    ("047008", "Massa e Cozzile", 43.9086, 10.7463),
    ("047009", "Monsummano Terme", 43.8700, 10.8142),
    ("047010", "Montale", 43.9286, 11.0194),
    ("047011", "Montecatini-Terme", 43.8833, 10.7731),
    ("047012", "Pescia", 43.9014, 10.6898),
    ("047013", "Pieve a Nievole", 43.8808, 10.8000),
    ("047014", "Pistoia", 43.9335, 10.9173),
    ("047016", "Ponte Buggianese", 43.8417, 10.7481),
    ("047017", "Quarrata", 43.8478, 10.9833),
    ("047018", "Sambuca Pistoiese", 44.1036, 11.0083),
    ("047020", "Serravalle Pistoiese", 43.9075, 10.8325),
    ("047021", "Uzzano", 43.8964, 10.7103),
    ("047022", "Chiesina Uzzanese", 43.8383, 10.7203),
    ("047023", "Abetone Cutigliano", 44.1017, 10.7558),
    ("047024", "San Marcello Piteglio", 44.0556, 10.7939),
]


def load_municipalities(model) -> None:
    """Create or update the 20 comuni on `model` (the migration's historical model or the real one)."""
    from django.utils.text import slugify

    for istat_code, name, latitude, longitude in MUNICIPALITIES:
        model.objects.update_or_create(
            istat_code=istat_code,
            defaults={
                "name": name,
                "slug": slugify(name),
                "latitude": latitude,
                "longitude": longitude,
            },
        )
