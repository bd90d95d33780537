"""Word weights over every sentence, counted again only where sentences changed.

``disagreements`` weighs words over all sentences on every build; counting the stems of 150,000
sentences took about 0.45 s of CPU at 4,000 sources, while an edit changes a few dozen of
them. Under ``mkdocs serve`` an unchanged source hands back the very same sentence objects, so
the counts are kept and only the sentences added or removed since the last build are counted.
Counts are whole numbers: the weights are exactly those counting afresh gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from build_scripts.analyse.sentence_memo import keeping
from build_scripts.analyse.similarity import Weights
from build_scripts.model import Sentence


class StemCounts:
    """How many of the last call's sentences hold each stem, and the stems of each sentence object."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[Sentence, frozenset[str]]] = {}
        """By the sentence's ``id``: the sentence is held, so no other object has that id meanwhile."""
        self._counts: Counter[str] = Counter()

    def weights(self, sentences: list[Sentence], stems_of: Callable[[Sentence], frozenset[str]]) -> Weights[str]:
        """``Weights`` of the sentences' stems. Kept only while another build follows (``keeping``);
        a sentence object given twice, or a call that fails, makes the next count afresh."""
        if keeping():
            try:
                counted = self._count(sentences, stems_of)
            except BaseException:
                self.__init__()  # type: ignore[misc]
                raise
            if counted:
                return Weights.of_counts(Counter(self._counts), len(sentences))
        self.__init__()  # type: ignore[misc]
        return Weights(stems_of(s) for s in sentences)

    def _count(self, sentences: list[Sentence], stems_of: Callable[[Sentence], frozenset[str]]) -> bool:
        seen, counts = self._seen, self._counts
        now: dict[int, tuple[Sentence, frozenset[str]]] = {}
        for s in sentences:
            key = id(s)
            if key in now:
                return False
            found = seen.pop(key, None)
            if found is None or found[0] is not s:
                if found is not None:
                    counts.subtract(found[1])
                found = (s, stems_of(s))
                counts.update(found[1])
            now[key] = found
        for _, stems in seen.values():
            counts.subtract(stems)
        self._seen = now
        for stem in [stem for stem, n in counts.items() if n <= 0]:
            del counts[stem]
        return True
