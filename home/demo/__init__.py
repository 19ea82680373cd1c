"""Demo content drawn from the programme's own text, built by `manage.py load_demo_content`."""
