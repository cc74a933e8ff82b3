"""Exact tests on counts, in pure Python: binomial tails and Fisher's noncentral hypergeometric distribution (private).

Probabilities come from log-factorials (`math.lgamma`) and are summed from the largest
term outwards, so that tails far below double precision's epsilon are still right in
relative terms. Nothing is approximated by a normal distribution.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _log_sum(logs: Sequence[float]) -> float:
    if not logs:
        return -math.inf
    top = max(logs)
    if top == -math.inf:
        return -math.inf
    return top + math.log(math.fsum(math.exp(x - top) for x in logs))


def binomial_upper_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), exactly (to floating point).

    >>> round(binomial_upper_tail(3, 3, 0.5), 6), binomial_upper_tail(0, 10, 0.3)
    (0.125, 1.0)
    """
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    if p <= 0.0:
        return 0.0
    if p >= 1.0:
        return 1.0
    log_p, log_q = math.log(p), math.log1p(-p)

    def term(j: int) -> float:
        return _log_choose(n, j) + j * log_p + (n - j) * log_q

    # The mode only picks the side summed; near it either side gives the tail to float
    # precision (it is near one half there): no mutate.
    mode = int((n + 1) * p)  # pragma: no mutate
    if k > mode:
        # The upper tail falls away from k: sum until the terms stop mattering.
        logs = []
        for j in range(k, n + 1):
            logs.append(term(j))
            # e**-40 is far below float64's precision of the sum (41 sums the same): no mutate.
            if logs[-1] < logs[0] - 40:  # pragma: no mutate
                break
        return min(1.0, math.exp(_log_sum(logs)))
    # Below the mode the upper tail is most of the mass: one less the lower tail.
    logs = []
    for j in range(k - 1, -1, -1):
        logs.append(term(j))
        if logs[-1] < logs[0] - 40:  # pragma: no mutate (as above)
            break
    return max(0.0, 1.0 - math.exp(_log_sum(logs)))


def _hypergeometric_logs(m: int, rest: int, column: int) -> tuple[int, list[float]]:
    """The support's lowest value and the log of C(m, k) C(rest, column - k) over the support of k."""
    low, high = max(0, column - rest), min(m, column)
    return low, [_log_choose(m, k) + _log_choose(rest, column - k) for k in range(low, high + 1)]


def fisher_tails(table: tuple[int, int, int, int], odds: float = 1.0) -> tuple[float, float]:
    """P(K <= a) and P(K >= a) for the 2x2 table ((a, b), (c, d)) at the given odds ratio, conditional on its margins.

    K is the table's top-right-to-be count *a* (first row, first column) under Fisher's
    noncentral hypergeometric distribution.

    >>> lower, upper = fisher_tails((3, 1, 1, 3))
    >>> round(lower, 4), round(upper, 4)
    (0.9857, 0.2429)
    """
    a, b, c, d = table
    low, logs = _hypergeometric_logs(a + b, c + d, a + c)
    log_odds = math.log(odds)
    weighted = [x + (low + i) * log_odds for i, x in enumerate(logs)]
    total = _log_sum(weighted)
    at = a - low
    lower = math.exp(_log_sum(weighted[: at + 1]) - total)
    upper = math.exp(_log_sum(weighted[at:]) - total)
    return min(1.0, lower), min(1.0, upper)


def _solve(function: Callable[[float], float], target: float, *, increasing: bool) -> float:
    """The log-odds at which *function* (monotone in it) meets *target*, by bisection over [-60, 60]."""
    low, high = -60.0, 60.0
    for _ in range(200):
        middle = (low + high) / 2
        above = function(math.exp(middle)) > target
        if above == increasing:
            high = middle
        else:
            low = middle
    return math.exp((low + high) / 2)


def fisher_interval(table: tuple[int, int, int, int], confidence: float) -> tuple[float, float]:
    """Cornfield's exact conditional confidence interval for the odds ratio of a 2x2 table.

    The lower bound is 0 when *a* is the least its margins allow, and the upper bound
    infinite when it is the most.

    >>> low, high = fisher_interval((10, 5, 5, 10), 0.95)
    >>> round(low, 2), round(high, 1)
    (0.71, 23.9)
    """
    a, b, c, d = table
    alpha = (1 - confidence) / 2
    low_support = max(0, (a + c) - (c + d))
    high_support = min(a + b, a + c)
    lower = (
        0.0
        if a == low_support
        else _solve(lambda odds: fisher_tails(table, odds)[1], alpha, increasing=True)
    )
    upper = (
        math.inf
        if a == high_support
        else _solve(lambda odds: fisher_tails(table, odds)[0], alpha, increasing=False)
    )
    return lower, upper
