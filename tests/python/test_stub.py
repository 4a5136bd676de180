"""The checked-in stub _core.pyi names the same classes and functions as the
compiled module, with the same parameters (names, order, keyword-only
marker). mypy's stubtest (a ctest of its own) checks the rest but cannot
see the parameters of pybind11 functions: they are read here from the
signatures pybind11 writes into every docstring."""

from __future__ import annotations

import ast
import inspect
import pathlib
import re

import pytest

import huikuan._core as core

STUB = pathlib.Path(core.__file__).with_name("_core.pyi")
SIGNATURE = re.compile(r"^(?:\d+\. )?(\w+)\((.*)\) -> .*$")


def split_top_level(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


Signature = tuple[tuple[str, bool], ...]  # (parameter name, has a default); "*" marks keyword-only


def runtime_signatures(function: object) -> set[Signature]:
    """The parameters of every overload pybind11 lists in the docstring."""
    signatures = set()
    for line in (function.__doc__ or "").splitlines():
        match = SIGNATURE.match(line.strip())
        if match and match.group(1) == function.__name__:
            parameters = [(p.split(":")[0].split("=")[0].strip(), "=" in p) for p in split_top_level(match.group(2))]
            signatures.add(tuple(p for p in parameters if p[0] != "self"))
    return signatures


def stub_signature(node: ast.FunctionDef) -> Signature:
    positional = node.args.posonlyargs + node.args.args
    defaults = [False] * (len(positional) - len(node.args.defaults)) + [True] * len(node.args.defaults)
    parameters = [(a.arg, d) for a, d in zip(positional, defaults)]
    if node.args.kwonlyargs:
        parameters += [("*", False)] + [(a.arg, d is not None) for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults)]
    return tuple(p for p in parameters if p[0] != "self")


def accepts(stub: Signature, runtime: Signature) -> bool:
    """The stub's parameters begin with the runtime's names, and any further
    ones have defaults (a stub may merge overloads such as pop() and pop(i))."""
    names = [name for name, _ in runtime]
    return [name for name, _ in stub[: len(runtime)]] == names and all(d for _, d in stub[len(runtime):])


def same_parameters(stub: set[Signature], runtime: set[Signature]) -> bool:
    return all(any(accepts(s, r) for s in stub) for r in runtime) and all(
        any(accepts(s, r) for r in runtime) for s in stub)


def stub_definitions() -> tuple[dict[str, set[Signature]], dict[str, dict[str, set[Signature]]]]:
    """Functions and classes of the stub; a class's methods include those
    of its stub-only private bases (_Enum, _BoundList)."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    functions: dict[str, set[Signature]] = {}
    classes: dict[str, dict[str, set[Signature]]] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            functions.setdefault(node.name, set()).add(stub_signature(node))
        elif isinstance(node, ast.ClassDef):
            methods = classes.setdefault(node.name, {})
            for base in node.bases:
                base_name = ast.unparse(base).split("[")[0]
                for method, signatures in classes.get(base_name, {}).items():
                    methods.setdefault(method, set()).update(signatures)
            for item in node.body:
                is_property = isinstance(item, ast.FunctionDef) and any(
                    isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list)
                if isinstance(item, ast.FunctionDef) and not is_property:
                    methods.setdefault(item.name, set()).add(stub_signature(item))
    return functions, classes


STUB_FUNCTIONS, STUB_CLASSES = stub_definitions()
RUNTIME_FUNCTIONS = {n: f for n, f in vars(core).items() if inspect.isbuiltin(f) and not n.startswith("_")}
RUNTIME_CLASSES = {n: c for n, c in vars(core).items() if isinstance(c, type) and not issubclass(c, BaseException)}


def test_the_stub_and_the_module_name_the_same_functions_and_classes():
    assert set(STUB_FUNCTIONS) == set(RUNTIME_FUNCTIONS)
    exceptions = {n for n, c in vars(core).items() if isinstance(c, type) and issubclass(c, BaseException)}
    assert {n for n in STUB_CLASSES if not n.startswith("_")} == set(RUNTIME_CLASSES) | exceptions


@pytest.mark.parametrize("name", sorted(RUNTIME_FUNCTIONS))
def test_a_function_s_parameters_match_the_stub(name):
    runtime = runtime_signatures(RUNTIME_FUNCTIONS[name])
    assert runtime and same_parameters(STUB_FUNCTIONS[name], runtime), (runtime, STUB_FUNCTIONS[name])


@pytest.mark.parametrize("name", sorted(RUNTIME_CLASSES))
def test_a_class_s_methods_and_parameters_match_the_stub(name):
    cls = RUNTIME_CLASSES[name]
    stub = STUB_CLASSES[name]
    for method, function in vars(cls).items():
        if method.startswith("__") and method != "__init__" or not callable(function):
            continue
        function = getattr(cls, method)
        signatures = runtime_signatures(function)
        if not signatures:  # pybind11's own no-constructor __init__
            continue
        assert method in stub, f"{name}.{method} is missing from the stub"
        assert same_parameters(stub[method], signatures), (f"{name}.{method}", signatures, stub[method])
