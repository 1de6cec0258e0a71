"""The forms a text must take, as regular expressions.

Kept apart from the models so that the message catalogue can say each one in
words: pydantic reports a mismatch with the expression alone, which tells a
person filling a spreadsheet nothing.
"""

#: Stable slug: lower-case letters, digits, dot, dash, underscore.
NODE_ID = r"^[a-z0-9][a-z0-9._-]*$"
#: What no text may hold besides the C0 controls: DEL and the two XML non-characters
#: (control characters break XML exports, GraphML, GEXF and XLSX, for everyone).
_NEVER = r"\x7f\uFFFE\uFFFF"
#: Any text: tabs and line breaks kept, no other control character.
NO_CONTROL = rf"^[^\x00-\x08\x0b\x0c\x0e-\x1f{_NEVER}]*$"
#: A name or a short text: one line.
ONE_LINE = rf"^[^\x00-\x1f{_NEVER}]*$"
#: A web address, on one line (``\S`` alone would let control characters through).
WEB_ADDRESS = rf"^https?://[^\s\x00-\x1f{_NEVER}]+$"
#: ISO 3166-1 alpha-2.
COUNTRY_CODE = r"^[A-Z]{2}$"
#: ISO 4217.
CURRENCY = r"^[A-Z]{3}$"
