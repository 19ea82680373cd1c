"""Italian date and number formats (FORMAT_MODULE_PATH): templates name these, never a pattern.

Weekdays and months are lower case, as Italian writes them: the names come from the portal's
catalogue (locale/it), which overrides Django's capitalised ones.
"""

DATE_FORMAT = "j F Y"  # 26 novembre 2026
DATETIME_FORMAT = "l j F Y, H:i"  # giovedì 26 novembre 2026, 18:00
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # novembre 2026
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
