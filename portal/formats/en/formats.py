"""English date and number formats (FORMAT_MODULE_PATH), British order like the Italian site."""

DATE_FORMAT = "j F Y"  # 26 November 2026
DATETIME_FORMAT = "l j F Y, H:i"  # Thursday 26 November 2026, 18:00
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # November 2026
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
