"""Finite fields GF(p^e) for the geometric designs: affine planes and spaces, transversal designs.

An element is an integer 0..q-1 read as the base-p digits of a polynomial of degree < e over
GF(p); products are reduced modulo the smallest monic irreducible polynomial of degree e.
Addition and multiplication tables are computed once, since the designs only need small fields.
"""

from dataclasses import dataclass, field
from functools import cached_property
from itertools import product
from math import prod


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, e) with q = p**e and p prime, or None when q is not a prime power."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    e = 0
    while q % p == 0:
        q //= p
        e += 1
    return (p, e) if q == 1 else None


Poly = tuple[int, ...]
"""Coefficients over GF(p), constant term first."""


def _poly_mod(a: Poly, modulus: Poly, p: int) -> Poly:
    """Remainder of `a` divided by the monic `modulus` over GF(p)."""
    rest = list(a)
    degree = len(modulus) - 1
    for shift in range(len(rest) - 1 - degree, -1, -1):
        lead = rest[shift + degree]
        if lead:
            for i, c in enumerate(modulus):
                rest[shift + i] = (rest[shift + i] - lead * c) % p
    return tuple(rest[:degree])


def _poly_mul(a: Poly, b: Poly, p: int) -> Poly:
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] = (out[i + j] + x * y) % p
    return tuple(out)


def _monic(degree: int, p: int) -> list[Poly]:
    """Every monic polynomial of `degree` over GF(p), in increasing order of its lower coefficients."""
    return [(*low, 1) for low in (tuple(reversed(c)) for c in product(range(p), repeat=degree))]


def irreducible(p: int, e: int) -> Poly:
    """The first monic irreducible polynomial of degree e over GF(p) (no monic factor of degree <= e/2)."""
    return next(
        f for f in _monic(e, p) if all(any(_poly_mod(f, g, p)) for d in range(1, e // 2 + 1) for g in _monic(d, p))
    )


@dataclass(frozen=True)
class FiniteField:
    """GF(q) with elements 0..q-1; 0 and 1 are the field's zero and one."""

    q: int
    add: tuple[tuple[int, ...], ...] = field(init=False, repr=False)
    mul: tuple[tuple[int, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        pe = prime_power(self.q)
        if pe is None:
            raise ValueError(f"no field has {self.q} elements")
        p, e = pe
        modulus = irreducible(p, e)

        def poly(x: int) -> Poly:
            return tuple((x // p**i) % p for i in range(e))

        def number(a: Poly) -> int:
            return sum(c * p**i for i, c in enumerate(a))

        polys = [poly(x) for x in range(self.q)]
        add = tuple(tuple(number(tuple((s + t) % p for s, t in zip(a, b, strict=True))) for b in polys) for a in polys)
        mul = tuple(tuple(number(_poly_mod(_poly_mul(a, b, p), modulus, p)) for b in polys) for a in polys)
        object.__setattr__(self, "add", add)
        object.__setattr__(self, "mul", mul)

    def primitive_powers(self) -> tuple[int, ...]:
        """g^0, g^1, ..., g^(q-2) for the smallest primitive element g (whose powers are all nonzero elements)."""
        for g in range(1, self.q):
            powers = [1]
            while len(powers) < self.q - 1 and (x := self.mul[powers[-1]][g]) != 1:
                powers.append(x)
            if len(powers) == self.q - 1:
                return tuple(powers)
        raise AssertionError("every finite field has a primitive element")


@dataclass(frozen=True)
class Ring:
    """Z_n, or GF(p^e) when `is_field` (elements 0..order-1 as `FiniteField` numbers them): the coordinates
    of a developed design. Its additions x -> x + t are the design's translations; multiplying by a unit,
    and in a field the Frobenius x -> x^p, are the automorphisms a search may ask the design to keep."""

    order: int
    is_field: bool = False
    add: tuple[tuple[int, ...], ...] = field(init=False, repr=False)
    mul: tuple[tuple[int, ...], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.is_field:
            tables = FiniteField(self.order)
            add, mul = tables.add, tables.mul
        else:
            n = self.order
            add = tuple(tuple((x + y) % n for y in range(n)) for x in range(n))
            mul = tuple(tuple(x * y % n for y in range(n)) for x in range(n))
        object.__setattr__(self, "add", add)
        object.__setattr__(self, "mul", mul)

    def element(self, number: int) -> int:
        """The element an integer names: itself modulo n in Z_n; in a field, 0..q-1 are its elements and
        -a is the negative of a (so -1 is minus one in both)."""
        if not self.is_field:
            return number % self.order
        return self.negative(-number) if number < 0 else number

    def negative(self, x: int) -> int:
        return self.add[x].index(0)

    def minus(self, x: int, y: int) -> int:
        """x - y."""
        return self.add[x][self.negative(y)]

    def is_unit(self, a: int) -> bool:
        return 1 in self.mul[a]

    def automorphism(self, multiplier: int, frobenius: int = 0) -> tuple[int, ...]:
        """x -> multiplier · x^(p^frobenius) as the image of each element (ValueError unless it is one)."""
        if not self.is_unit(multiplier):
            raise ValueError(f"{multiplier} is not a unit modulo {self.order}")
        if frobenius and not self.is_field:
            raise ValueError(f"Z_{self.order} has no Frobenius automorphism")
        characteristic = next(p for p in range(2, self.order + 1) if self.order % p == 0)
        images = list(range(self.order))
        for _ in range(frobenius):
            images = [_power(self.mul, y, characteristic) for y in images]
        return tuple(self.mul[multiplier][y] for y in images)


@dataclass(frozen=True)
class AbelianGroup:
    """Z_m1 × Z_m2 × ..., its elements numbered 0..order-1 in mixed radix, the last factor varying fastest:
    the group of a difference matrix where Z_n has none (Z_2 × Z_6 for 12)."""

    moduli: tuple[int, ...]

    @property
    def order(self) -> int:
        return prod(self.moduli)

    @property
    def radix(self) -> tuple[int, ...]:
        """What one step of each coordinate adds to an element's number."""
        return tuple(prod(self.moduli[j + 1 :]) for j in range(len(self.moduli)))

    def coordinates(self, number: int) -> tuple[int, ...]:
        return tuple(number // r % m for r, m in zip(self.radix, self.moduli, strict=True))

    @cached_property
    def add(self) -> tuple[tuple[int, ...], ...]:
        elements = [self.coordinates(x) for x in range(self.order)]
        radix = self.radix
        return tuple(
            tuple(sum((a + b) % m * r for a, b, m, r in zip(x, y, self.moduli, radix, strict=True)) for y in elements)
            for x in elements
        )


def _power(mul: tuple[tuple[int, ...], ...], x: int, exponent: int) -> int:
    out = 1
    for _ in range(exponent):
        out = mul[out][x]
    return out
