"""The resource-query engine behind :func:`pyvisa.rname.filter` and :func:`~pyvisa.rname.filter2`.

A query such as ``"USB?*::INSTR{VI_ATTR_MANF_ID == 0x1234}"`` has two parts: a VISA
resource regular expression, matched against whole names, and an optional attribute
expression between braces, evaluated on each matching resource.

The regular expression is compiled into a nondeterministic automaton whose deterministic
states are built lazily while names are matched, so that matching takes a time linear in
the length of the name whatever the query (no backtracking), within bounded memory. The
attribute expression is compiled into nested closures by a recursive-descent parser of
bounded depth. The compiled forms of short queries are cached.

The public functions are re-exported by :mod:`pyvisa.rname`, where users find them. This
module sits below it and knows resource names only through :class:`ParsedName`: the
parser that lets :func:`filter2` answer some attributes from the name itself is plugged in
by :mod:`pyvisa.rname` with :func:`use_name_parser`.
"""

from __future__ import annotations

import functools
import operator
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from . import constants, errors
from ._exports import public_at
from ._logging import logger


@public_at("pyvisa.rname")
class OpenedResource(Protocol):
    """What :func:`filter2` uses of a resource it opened to read an attribute."""

    def get_visa_attribute(self, name: Any, /) -> Any:
        """Value of a VISA attribute (its numeric id, or its name if it has none)."""
        ...

    def close(self) -> None:
        """Close the resource."""
        ...


class ParsedName(Protocol):
    """What the attribute answers read of a parsed resource name (besides its fields)."""

    @property
    def interface_type(self) -> str:
        """Interface type as written canonically ("USB", "TCPIP"...)."""
        ...

    @property
    def resource_class(self) -> str:
        """Resource class ("INSTR", "SOCKET"...)."""
        ...


#: Parser of the resource names whose attributes filter2 answers without opening them;
#: ``None`` until :mod:`pyvisa.rname` plugs in ``parse_resource_name``.
_parse_name: Callable[[str], ParsedName] | None = None


def use_name_parser(parse: Callable[[str], ParsedName]) -> None:
    """Let :func:`filter2` read resource names with ``parse``.

    Parameters
    ----------
    parse : Callable[[str], ParsedName]
        Parser of resource names raising :class:`~pyvisa.errors.InvalidResourceName` for
        a name it cannot read (whose attributes are then all read from the resource).

    """
    global _parse_name
    _parse_name = parse


def _log_invalid(query: str, ex: errors.InvalidQuery) -> None:
    logger.debug("invalid resource query %r: %s", query, ex.detail)


def _check_query(query: object) -> None:
    if not isinstance(query, str):
        raise errors.InvalidArgumentType(
            f"a resource query must be a str, not {type(query).__name__}"
        )


@public_at("pyvisa.rname")
def filter(resources: Iterable[str], query: str) -> tuple[str, ...]:
    """Select the resource names matching a VISA resource regular expression.

    ``?`` matches any one character, ``*`` and ``+`` zero/one or more occurrences
    of the preceding character or group, ``[list]`` / ``[^list]`` one character
    (not) in the list (with ``a-z`` ranges), ``exp|exp`` either expression,
    ``(exp)`` groups, and a backslash makes the next character ordinary. Matching
    is case-insensitive and the expression must match the whole name. The names
    are not parsed.

    An attribute expression (from ``{`` on) is not supported here: it is ignored
    and a warning is logged (use :func:`filter2`).

    Parameters
    ----------
    resources : Iterable[str]
        Resource names, e.g. as listed by a backend.
    query : str
        VISA resource regular expression, e.g. ``"?*::INSTR"``.

    Returns
    -------
    tuple[str, ...]
        The matching names, in input order.

    Raises
    ------
    pyvisa.errors.VisaIOError
        With ``VI_ERROR_INV_EXPR`` if the query is not a valid VISA resource
        regular expression.

    """
    _check_query(query)
    if "{" in query:
        query = query[: query.index("{")]
        logger.warning("optional part of the query expression not supported. See filter2")
    try:
        match = _compile_regex(query).fullmatch
    except errors.InvalidQuery as ex:
        _log_invalid(query, ex)
        raise
    return tuple(name for name in resources if match(name))


@public_at("pyvisa.rname")
def filter2(
    resources: Iterable[str], query: str, open_resource: Callable[[str], OpenedResource]
) -> tuple[str, ...]:
    """Select resources by VISA regular expression and attribute expression.

    The optional attribute expression ``{...}`` that ends the query tests VISA
    attributes: operands are ``VI_...`` attribute names, integers (decimal or
    ``0x`` hexadecimal) and double-quoted strings, compared with ``==``, ``!=``,
    ``<``, ``<=``, ``>``, ``>=`` (as Python compares them: a string never equals
    a number) and combined with ``&&``, ``||``, ``!`` and parentheses.

    These attributes are answered from the parsed resource name, without opening
    anything: ``VI_ATTR_INTF_NUM``, ``VI_ATTR_MANF_ID``, ``VI_ATTR_MODEL_CODE``,
    ``VI_ATTR_USB_SERIAL_NUM`` (the ``str`` parts), ``VI_ATTR_USB_INTFC_NUM``,
    ``VI_ATTR_TCPIP_ADDR``, ``VI_ATTR_TCPIP_DEVICE_NAME``, ``VI_ATTR_TCPIP_PORT``,
    ``VI_ATTR_GPIB_PRIMARY_ADDR``, ``VI_ATTR_GPIB_SECONDARY_ADDR``,
    ``VI_ATTR_PXI_CHASSIS`` and ``VI_ATTR_MAINFRAME_LA``. For any other attribute,
    the resource is opened with ``open_resource`` (at most once, only when
    needed), its ``get_visa_attribute`` is called with the numeric attribute id
    (the name itself if it is not a known constant), and the resource is closed
    once evaluated. Any exception raised while evaluating the expression for a
    resource (attribute not supported, resource that cannot be opened...)
    excludes that resource and is logged on the ``pyvisa`` logger.

    Parameters
    ----------
    resources : Iterable[str]
        Resource names.
    query : str
        VISA resource regular expression, optionally followed by ``{expression}``.
    open_resource : Callable[[str], OpenedResource]
        Opens a resource by name (``ResourceManager.open_resource``...); of the
        opened object only ``get_visa_attribute`` and ``close`` are used.

    Returns
    -------
    tuple[str, ...]
        The matching names, in input order.

    Raises
    ------
    pyvisa.errors.VisaIOError
        With ``VI_ERROR_INV_EXPR`` if the regular expression or the attribute
        expression is malformed (e.g. a ``{`` without ``}``).

    """
    _check_query(query)
    try:
        pattern, clause = _split_query(query)
        match = _compile_regex(pattern).fullmatch
        expression = _compile_expression(clause) if clause.strip() else None
    except errors.InvalidQuery as ex:
        _log_invalid(query, ex)
        raise
    candidates = [name for name in resources if match(name)]
    if expression is None:
        return tuple(candidates)
    return tuple(name for name in candidates if _evaluate(name, clause, expression, open_resource))


def _split_query(query: str) -> tuple[str, str]:
    """The regular expression and the attribute expression (``""`` if none) of a query."""
    start = query.find("{")
    if start < 0:
        return query, ""
    end = query.rfind("}")
    if end < start:
        raise errors.InvalidQuery("the attribute expression must end with '}'")
    if query[end + 1 :].strip():
        raise errors.InvalidQuery("text after the attribute expression")
    return query[:start], query[start + 1 : end]


def _evaluate(
    name: str, clause: str, expression: _Node, open_resource: Callable[[str], OpenedResource]
) -> bool:
    """Evaluate an attribute expression on one resource (False on any exception)."""
    attributes = _ResourceAttributes(name, open_resource)
    try:
        return bool(expression(attributes.get))
    except Exception:
        logger.exception("Failed to evaluate %s on %s", clause, name)
        return False
    finally:
        attributes.close()


class _ResourceAttributes:
    """Attribute values of one resource: from its name, else from the opened resource."""

    def __init__(self, name: str, open_resource: Callable[[str], OpenedResource]) -> None:
        self.name = name
        self.open_resource = open_resource
        self.resource: OpenedResource | None = None
        self.cache: dict[str, Any] = {}
        self._parsed: ParsedName | None = None
        self._parse_failed = False

    def parsed(self) -> ParsedName | None:
        if self._parsed is None and not self._parse_failed and _parse_name is not None:
            try:
                self._parsed = _parse_name(self.name)
            except errors.InvalidResourceName:
                self._parse_failed = True
        return self._parsed

    def get(self, attribute: str) -> Any:
        if attribute not in self.cache:
            from_name = _NAME_ATTRIBUTES.get(attribute)
            parsed = self.parsed() if from_name is not None else None
            if from_name is not None and parsed is not None:
                value = from_name(parsed)
            else:
                value = self.read(attribute)
            self.cache[attribute] = value
        return self.cache[attribute]

    def read(self, attribute: str) -> Any:
        if self.resource is None:
            self.resource = self.open_resource(self.name)
        attribute_id = getattr(constants, attribute, None)
        key = attribute_id if isinstance(attribute_id, int) else attribute
        return self.resource.get_visa_attribute(key)

    def close(self) -> None:
        if self.resource is not None:
            try:
                self.resource.close()
            except Exception:
                logger.exception("Failed to close %s", self.name)


# --- Attributes answered from the parsed name (RN-13) ----------------------------------------


def _not_supported() -> errors.VisaIOError:
    return errors.VisaIOError(constants.StatusCode.error_nonsupported_attribute)


def _interface_number(parsed: ParsedName) -> int:
    board = getattr(parsed, "board", None)
    if board is None:
        board = getattr(parsed, "interface", None)
    if board is None:
        raise _not_supported()
    return int(board)


def _field_of(
    kinds: tuple[str, ...], name: str, convert: Callable[[Any], Any] = str
) -> Callable[[ParsedName], Any]:
    """Answer: field ``name`` of the names of the given kinds ("USB::INSTR"...), converted."""

    def value(parsed: ParsedName) -> Any:
        kind = f"{parsed.interface_type}::{parsed.resource_class}"
        if kind not in kinds or getattr(parsed, name, None) is None:
            raise _not_supported()
        return convert(getattr(parsed, name))

    return value


def _secondary_address(parsed: ParsedName) -> int:
    if (parsed.interface_type, parsed.resource_class) != ("GPIB", "INSTR"):
        raise _not_supported()
    secondary = getattr(parsed, "secondary_address", None)
    return constants.VI_NO_SEC_ADDR if secondary is None else int(secondary)


_USB = ("USB::INSTR", "USB::RAW")

_NAME_ATTRIBUTES: dict[str, Callable[[ParsedName], Any]] = {
    "VI_ATTR_INTF_NUM": _interface_number,
    "VI_ATTR_MANF_ID": _field_of(_USB, "manufacturer_id"),
    "VI_ATTR_MODEL_CODE": _field_of(_USB, "model_code"),
    "VI_ATTR_USB_SERIAL_NUM": _field_of(_USB, "serial_number"),
    "VI_ATTR_USB_INTFC_NUM": _field_of(_USB, "board", int),
    "VI_ATTR_TCPIP_ADDR": _field_of(("TCPIP::INSTR", "TCPIP::SOCKET"), "host_address"),
    "VI_ATTR_TCPIP_DEVICE_NAME": _field_of(("TCPIP::INSTR",), "lan_device_name"),
    "VI_ATTR_TCPIP_PORT": _field_of(("TCPIP::SOCKET",), "port", int),
    "VI_ATTR_GPIB_PRIMARY_ADDR": _field_of(("GPIB::INSTR",), "primary_address", int),
    "VI_ATTR_GPIB_SECONDARY_ADDR": _secondary_address,
    "VI_ATTR_PXI_CHASSIS": _field_of(("PXI::BACKPLANE", "PXI::INSTR"), "chassis_number", int),
    "VI_ATTR_MAINFRAME_LA": _field_of(("VXI::INSTR", "VXI::BACKPLANE"), "vxi_logical_address", int),
}


# --- Compilation of queries ------------------------------------------------------------------


#: Longest query part whose compiled form is kept for later calls; a longer one is compiled
#: for the call and dropped with it, so that no large query leaves memory behind.
_CACHED_QUERY_LENGTH = 256

_Compiled = TypeVar("_Compiled")


def _cached_if_short(build: Callable[[str], _Compiled]) -> Callable[[str], _Compiled]:
    """``build``, with the results for texts of at most :data:`_CACHED_QUERY_LENGTH` kept."""
    cached = functools.lru_cache(maxsize=128)(build)

    def compiled(text: str) -> _Compiled:
        return cached(text) if len(text) <= _CACHED_QUERY_LENGTH else build(text)

    return compiled


@_cached_if_short
def _compile_regex(query: str) -> _Automaton:
    """Matcher of a VISA regular expression (the part of a query before ``{``)."""
    automaton, end = _RegexParser(query).parse()
    if end != len(query):
        raise errors.InvalidQuery(f"unexpected '{query[end]}' at position {end}")
    return automaton


@_cached_if_short
def _compile_expression(clause: str) -> _Node:
    """Evaluator of an attribute expression (the text between ``{`` and ``}``)."""
    return _ExpressionParser(clause).parse()


# A compiled expression node: called with a getter (attribute name -> value).
_Node = Callable[[Callable[[str], Any]], Any]

_COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_WORDS = {"and": "&&", "or": "||", "not": "!"}

#: The token and escape expressions (see _tokens), compiled when first needed: most
#: processes never filter resources with an attribute expression.
_PATTERNS: list[re.Pattern[str]] = []
_EXPR_TOKEN_SOURCE = r"""\s*(?:
      (?P<op>==|!=|<=|>=|<|>|&&|\|\||!|\(|\))
    | (?P<word>and|or|not)(?![A-Za-z0-9_])
    | (?P<attr>[Vv][Ii]_[A-Za-z0-9_]*)
    | (?P<num>[-+]?(?:0x[0-9A-Fa-f]+|[0-9]+))(?![A-Za-z0-9_])
    | (?P<str>"(?:[^"\\]|\\.)*")
    )"""


def _tokens() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expression of the tokens of attribute expressions and that of string escapes."""
    if not _PATTERNS:
        _PATTERNS[:] = [
            re.compile(_EXPR_TOKEN_SOURCE, re.VERBOSE | re.DOTALL),
            re.compile(r"\\(.)", re.DOTALL),
        ]
    return _PATTERNS[0], _PATTERNS[1]


class _ExpressionParser:
    """Recursive-descent parser of attribute expressions.

    expr := term ('||' term)* ; term := factor ('&&' factor)* ;
    factor := '!' factor | comparison ; comparison := primary [op primary] ;
    primary := '(' expr ')' | VI_name | number | "string"
    """

    def __init__(self, clause: str) -> None:
        self.tokens = self._tokenize(clause)
        self.index = 0
        self.depth = 0

    @staticmethod
    def _tokenize(text: str) -> list[tuple[str, str, int]]:
        tokens = []
        position = 0
        text = text.rstrip()
        token = _tokens()[0]
        while position < len(text):
            match = token.match(text, position)
            if match is None or match.lastgroup is None:
                raise errors.InvalidQuery(f"unexpected text at position {position}")
            kind, value = match.lastgroup, match.group(match.lastgroup)
            if kind == "word":
                kind, value = "op", _WORDS[value]
            tokens.append((kind, value, match.start(kind)))
            position = match.end()
        return tokens

    def _peek(self) -> str | None:
        if self.index < len(self.tokens):
            kind, value, _ = self.tokens[self.index]
            return value if kind == "op" else None
        return None

    def _next(self, what: str) -> tuple[str, str, int]:
        if self.index == len(self.tokens):
            raise errors.InvalidQuery(f"expected {what}, the attribute expression ended")
        token = self.tokens[self.index]
        self.index += 1
        return token

    def _nest(self, position: int) -> None:
        if self.depth == _MAX_NESTING:
            raise errors.InvalidQuery(
                f"'!' and '(' nested more than {_MAX_NESTING} deep at {position}"
            )
        self.depth += 1

    def parse(self) -> _Node:
        node = self._expr()
        if self.index != len(self.tokens):
            raise errors.InvalidQuery(f"unexpected token at position {self.tokens[self.index][2]}")
        return node

    def _expr(self) -> _Node:
        return self._chain(self._term, "||", any)

    def _term(self) -> _Node:
        return self._chain(self._factor, "&&", all)

    def _chain(
        self, operand: Callable[[], _Node], joiner: str, combine: Callable[[Iterable[Any]], bool]
    ) -> _Node:
        """Operands joined by ``joiner``, combined (lazily) by ``any`` or ``all``."""
        nodes = [operand()]
        while self._peek() == joiner:
            self.index += 1
            nodes.append(operand())
        if len(nodes) == 1:
            return nodes[0]
        return lambda get: combine(node(get) for node in nodes)

    def _factor(self) -> _Node:
        if self._peek() == "!":
            self._nest(self.tokens[self.index][2])
            self.index += 1
            negated = self._factor()
            self.depth -= 1
            return lambda get: not negated(get)
        left = self._primary()
        op = self._peek()
        if op not in _COMPARISONS:
            return left
        self.index += 1
        right = self._primary()
        compare = _COMPARISONS[op]
        return lambda get: compare(left(get), right(get))

    def _primary(self) -> _Node:
        kind, value, position = self._next("an operand")
        if kind == "op" and value == "(":
            self._nest(position)
            inner = self._expr()
            if self._next("')'")[1] != ")":
                raise errors.InvalidQuery(
                    f"expected ')' at position {self.tokens[self.index - 1][2]}"
                )
            self.depth -= 1
            return inner
        if kind == "attr":
            name = value.upper()
            return lambda get: get(name)
        literal: int | str
        if kind == "num":
            literal = _literal_int(value)
        elif kind == "str":
            literal = _tokens()[1].sub(r"\1", value[1:-1])
        else:
            raise errors.InvalidQuery(f"expected an operand at position {position}")
        return lambda get: literal


def _literal_int(text: str) -> int:
    """Value of a decimal or 0x-hexadecimal literal (leading zeros allowed)."""
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    return sign * (int(digits, 16) if digits[:2].lower() == "0x" else int(digits, 10))


#: Deepest nesting of groups, ``!`` and parentheses accepted in a query (the parsers recurse).
_MAX_NESTING = 100

#: Deterministic states an automaton records at most, and total size of their sets of
#: states plus recorded transitions (or 16 times the number of states of the automaton if
#: larger): beyond, matching goes on without recording, so that the memory of a query stays
#: bounded whatever the names matched.
_MAX_DFA_STATES = 1024
_MAX_DFA_SIZE = 16384

# A consuming transition of the automaton: (character test, target state).
_Edge = tuple[Callable[[str], bool], int]


class _Automaton:
    """Case-insensitive VISA regular expression, matched in linear time.

    The expression is compiled into a nondeterministic automaton (one consuming
    transition or epsilon transitions per state) whose deterministic states
    (sets of states) are built lazily as names are matched, so that no query
    can make matching backtrack (Python's ``re`` can take exponential time on
    queries such as ``(?*)*x``).
    """

    def __init__(self) -> None:
        self.epsilon: list[list[int]] = []
        self.edges: list[_Edge | None] = []
        self.final = -1
        # deterministic states: their sets of states, transitions, acceptance
        self._sets: list[frozenset[int]] = []
        self._ids: dict[frozenset[int], int] = {}
        self._rows: list[dict[str, int]] = []
        self._accepting: list[bool] = []
        self._size = 0  # total size of the recorded sets, plus the recorded transitions
        self._size_limit = _MAX_DFA_SIZE
        self._lock = threading.Lock()

    def new_state(self) -> int:
        self.epsilon.append([])
        self.edges.append(None)
        return len(self.edges) - 1

    def finish(self, start: int, final: int) -> None:
        """Fix the start and final states (the start becomes deterministic state 0)."""
        self.final = final
        self._size_limit = max(_MAX_DFA_SIZE, 16 * len(self.edges))
        self._state_id(self._closure({start}))

    def fullmatch(self, name: str) -> bool:
        """Whether the expression matches the whole of ``name``."""
        rows = self._rows
        sets = self._sets
        state = 0
        for index, char in enumerate(name):
            target = rows[state].get(char)
            if target is None:
                target = self._step(state, char)
                if target < 0:  # no room left for new deterministic states
                    return self._simulate(sets[state], name[index:])
            state = target
            if not sets[state]:
                return False
        return self._accepting[state]

    def _targets(self, states: Iterable[int], char: str) -> frozenset[int]:
        """States reached from ``states`` by consuming ``char`` (epsilon closure included)."""
        edges = self.edges
        targets = []
        for source in states:
            edge = edges[source]
            if edge is not None and edge[0](char):
                targets.append(edge[1])
        return self._closure(targets)

    def _simulate(self, states: frozenset[int], rest: str) -> bool:
        """Match ``rest`` from ``states`` without recording deterministic states."""
        for char in rest:
            states = self._targets(states, char)
            if not states:
                return False
        return self.final in states

    def _closure(self, states: Iterable[int]) -> frozenset[int]:
        seen = set(states)
        stack = list(seen)
        while stack:
            for target in self.epsilon[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)

    def _state_id(self, states: frozenset[int]) -> int:
        if states not in self._ids:
            self._ids[states] = len(self._sets)
            self._size += len(states)
            self._sets.append(states)
            self._rows.append({})
            self._accepting.append(self.final in states)
        return self._ids[states]

    def _step(self, state: int, char: str) -> int:
        """Deterministic transition from ``state`` on ``char``, built and recorded.

        Return -1 if the target is a new state and there is no room left to record it: the
        caller then simulates the automaton. Once the budget is spent, a transition to a
        recorded state is returned without being recorded (the cache stays bounded).
        """
        with self._lock:
            states = self._targets(self._sets[state], char)
            if states not in self._ids and (
                len(self._sets) >= _MAX_DFA_STATES or self._size + len(states) > self._size_limit
            ):
                return -1
            target = self._state_id(states)
            if self._size < self._size_limit:
                self._rows[state][char] = target
                self._size += 1
            return target


class _RegexParser:
    """Compile the VISA regex part of a query (up to ``{`` or the end) into an automaton.

    alternatives := sequence ('|' sequence)* ; sequence := (atom ['*' | '+'])* ;
    atom := '?' | '[' list ']' | '(' alternatives ')' | '\\' char | char
    """

    def __init__(self, query: str) -> None:
        self.query = query
        self.index = 0
        self.depth = 0
        self.automaton = _Automaton()

    def _error(self, message: str) -> errors.InvalidQuery:
        return errors.InvalidQuery(
            f"Invalid resource query {self.query!r}: {message} at position {self.index}"
        )

    def _peek(self) -> str:
        return self.query[self.index] if self.index < len(self.query) else ""

    def parse(self) -> tuple[_Automaton, int]:
        start, final = self._alternatives()
        if self._peek() == ")":
            raise self._error("unbalanced ')'")
        self.automaton.finish(start, final)
        return self.automaton, self.index

    def _alternatives(self) -> tuple[int, int]:
        fragments = [self._sequence()]
        while self._peek() == "|":
            self.index += 1
            fragments.append(self._sequence())
        if len(fragments) == 1:
            return fragments[0]
        new = self.automaton.new_state
        start, final = new(), new()
        for first, last in fragments:
            self.automaton.epsilon[start].append(first)
            self.automaton.epsilon[last].append(final)
        return start, final

    def _sequence(self) -> tuple[int, int]:
        automaton = self.automaton
        start = last = automaton.new_state()
        while self._peek() not in ("", "|", ")", "{"):
            first, end = self._atom()
            quantifier = self._peek()
            if quantifier in ("*", "+"):
                self.index += 1
                if self._peek() in ("*", "+"):
                    raise self._error("a quantifier cannot follow another one")
                first, end = self._repeat(first, end, quantifier == "*")
            automaton.epsilon[last].append(first)
            last = end
        return start, last

    def _repeat(self, first: int, last: int, allow_none: bool) -> tuple[int, int]:
        start, final = self.automaton.new_state(), self.automaton.new_state()
        self.automaton.epsilon[start].append(first)
        self.automaton.epsilon[last].extend((first, final))
        if allow_none:
            self.automaton.epsilon[start].append(final)
        return start, final

    def _atom(self) -> tuple[int, int]:
        char = self.query[self.index]
        if char in "*+":
            raise self._error(f"'{char}' must follow a character, a list or a group")
        if char == "(":
            if self.depth == _MAX_NESTING:
                raise self._error(f"groups are nested more than {_MAX_NESTING} deep")
            self.index += 1
            self.depth += 1
            fragment = self._alternatives()
            if self._peek() != ")":
                raise self._error("unbalanced '('")
            self.index += 1
            self.depth -= 1
            return fragment
        if char == "[":
            return self._edge(self._list())
        self.index += 1
        if char == "?":
            return self._edge(_any_char)
        if char == "\\":
            if self.index == len(self.query):
                raise self._error("nothing to escape after the backslash")
            char = self.query[self.index]
            self.index += 1
        variants = frozenset((char, char.lower(), char.upper()))
        return self._edge(variants.__contains__)

    def _edge(self, test: Callable[[str], bool]) -> tuple[int, int]:
        start, final = self.automaton.new_state(), self.automaton.new_state()
        self.automaton.edges[start] = (test, final)
        return start, final

    def _list(self) -> Callable[[str], bool]:
        """Character test of the ``[list]`` or ``[^list]`` at the current position."""
        query = self.query
        opening = self.index
        self.index += 1
        negate = self._peek() == "^"
        if negate:
            self.index += 1
        items: list[str] = []  # each item: a character, escaped ones already resolved
        escaped: list[bool] = []
        while True:
            char = self._peek()
            if char == "":
                self.index = opening
                raise self._error("unterminated '['")
            self.index += 1
            if char == "]" and items:
                break
            if char == "\\" and self._peek():
                char = query[self.index]
                self.index += 1
                escaped.append(True)
            else:
                escaped.append(False)
            items.append(char)
        singles: set[str] = set()
        ranges: list[tuple[str, str]] = []
        i = 0
        while i < len(items):
            if i + 2 < len(items) and items[i + 1] == "-" and not escaped[i + 1]:
                low, high = items[i], items[i + 2]
                if low > high:
                    raise self._error(f"invalid range '{low}-{high}' in a list")
                ranges.append((low, high))
                i += 3
            else:
                singles.add(items[i])
                i += 1
        singles |= {c.lower() for c in singles} | {c.upper() for c in singles}
        return _list_test(frozenset(singles), tuple(ranges), negate)


def _any_char(char: str) -> bool:
    return True


def _list_test(
    singles: frozenset[str], ranges: tuple[tuple[str, str], ...], negate: bool
) -> Callable[[str], bool]:
    def test(char: str) -> bool:
        found = char in singles or any(
            low <= variant <= high
            for variant in (char, char.lower(), char.upper())
            for low, high in ranges
        )
        return found != negate

    return test
