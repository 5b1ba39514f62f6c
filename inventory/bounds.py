"""The largest whole number and the dates the system stores, for every edge that parses input.

`app.convert` (routes, query strings, forms) and `inventory.tabular` (spreadsheets) both
refuse values outside these, so nothing a user types fails later in the database or in a
date sum.
"""

from datetime import date

# Every integer column is 32 bits on PostgreSQL (sa.Integer); SQLite would hold more.
INT_MAX = 2**31 - 1
# Outside this range a date is a typing error (0001-01-01, 9999-12-31); the margin to
# date.min/date.max leaves room for the sums views do (a week on, a year back).
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)
