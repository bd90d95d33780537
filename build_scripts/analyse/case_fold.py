"""Text in lower case as a pattern that ignores case reads it.

``re.IGNORECASE`` takes a few letters outside ASCII for ASCII ones ("ſ" for "s", "ı" and "İ" for
"i", the Kelvin sign for "k": a test scans Unicode for them). ``folded`` writes those as the ASCII
letters, then lowers the case: a word in lower-case ASCII that such a pattern matches in a text is
then in the folded text, so looking for the word there tells, far quicker than the pattern, that
the pattern cannot match (``re`` tries a pattern that begins with a choice of words at every
character).
"""

from __future__ import annotations

AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    # ``str.translate`` looks each character up in the table, in Python objects: 6.5 microseconds for
    # a sentence, against 0.4 for the tests below, and most sentences hold none of the letters
    # (``isascii`` reads a flag of the string; ``lower`` alone makes the Kelvin sign "k").
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()
    return text.translate(AS_ASCII).lower()
