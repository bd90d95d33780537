"""Disjoint sets: the grouping step shared by claims, copies and disagreements."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    """Items joined into groups; with ``join`` the root is the smaller item (deterministic)."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def add(self, x: T) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: T) -> T:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: T, b: T) -> T:
        """Put ``a`` and ``b`` in one group; returns the group's root."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        root, child = (ra, rb) if ra < rb else (rb, ra)  # type: ignore[operator]
        self.parent[child] = root
        return root

    def groups(self) -> dict[T, list[T]]:
        """Each root with its items, in the order the items were added."""
        out: dict[T, list[T]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out
