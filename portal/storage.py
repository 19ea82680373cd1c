"""Static files for production: whitenoise's compressed storage with hashed names, which
leaves source-map comments alone (vendor files such as Leaflet's cluster plugin reference maps
they do not ship, and Django's manifest storage refuses a reference it cannot resolve)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern):
        regex = pattern[0] if isinstance(pattern, tuple) else pattern
        return "sourceMappingURL" not in regex

    return tuple((glob, tuple(filter(keep, rules))) for glob, rules in patterns)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
