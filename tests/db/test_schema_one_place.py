"""Each table's schema is written in one place, and what the models say about
it agrees with the table.

The busiest tables are Core `Table`s (`db/tables.py`, `db/insight_tables.py`)
that the ORM models map onto with `__table__`; such a model only annotates
its columns (`Mapped[str | None]`), so nothing makes those annotations
follow the table. This test does: every column has an annotation whose type
is the column's Python type and which is Optional exactly when the column is
nullable, and no annotation names a column the table does not have.
"""

from __future__ import annotations

import types
import typing
from datetime import datetime

import pytest
from sqlalchemy import Column, Integer, String, Table
from sqlalchemy.orm import DeclarativeBase, Mapped
from sqlalchemy.types import TypeDecorator, TypeEngine

from sellerdesk.db import insight_tables, models, tables


def _mapped_classes() -> list[type]:
    return sorted((m.class_ for m in models.Base.registry.mappers), key=lambda c: c.__name__)


def _core_tables(module: types.ModuleType) -> set[str]:
    return {value.name for value in vars(module).values() if isinstance(value, Table)}


def column_annotations(cls: type) -> dict[str, tuple[type, bool]]:
    """Attribute → (its Python type, whether it may be None), for each
    `Mapped[...]` annotation of `cls` that is not a relationship."""
    hints = typing.get_type_hints(cls, vars(models), include_extras=True)
    relationships = set(cls.__mapper__.relationships.keys())
    found = {}
    for name, hint in hints.items():
        if typing.get_origin(hint) is not Mapped or name in relationships:
            continue
        (inner,) = typing.get_args(hint)
        args = typing.get_args(inner)
        optional = typing.get_origin(inner) in (typing.Union, types.UnionType) and type(
            None
        ) in args
        if optional:
            (inner,) = [arg for arg in args if arg is not type(None)]
        found[name] = (inner, optional)
    return found


def _python_type(type_: TypeEngine) -> type:
    # A TypeDecorator (UTCDateTime) holds what it stores in its `impl`.
    return (type_.impl_instance if isinstance(type_, TypeDecorator) else type_).python_type


def table_columns(cls: type) -> dict[str, tuple[type, bool]]:
    table = cls.__table__
    return {column.key: (_python_type(column.type), column.nullable) for column in table.columns}


def test_the_comparison_reads_both_sides_and_sees_a_mismatch():
    hints = column_annotations(models.LeadModel)
    assert hints["display_name"] == (str, True)
    assert hints["stage_since"] == (datetime, False)
    assert hints["do_not_contact"] == (bool, False)
    assert "labels" not in hints  # a relationship, not a column
    columns = table_columns(models.LeadModel)
    assert columns["display_name"] == (str, True)
    assert columns["version"] == (int, False)

    class Other(DeclarativeBase):
        pass

    table = Table(
        "things",
        Other.metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),  # nullable
        Column("count", Integer, nullable=False),
    )

    class Thing(Other):
        __table__ = table

        id: Mapped[int]
        name: Mapped[str]  # says never None
        count: Mapped[str]  # says text

    said, is_ = column_annotations(Thing), table_columns(Thing)
    assert said["name"] == (str, False) and is_["name"] == (str, True)
    assert said["count"] == (str, False) and is_["count"] == (int, False)


@pytest.mark.parametrize("cls", _mapped_classes(), ids=lambda c: c.__name__)
def test_each_models_annotations_match_its_table(cls):
    assert column_annotations(cls) == table_columns(cls)


def test_each_table_is_declared_once():
    core = _core_tables(tables) | _core_tables(insight_tables)
    by_models = {
        cls.__table__.name
        for cls in _mapped_classes()
        if "__tablename__" in vars(cls)
    }
    assert not core & by_models
    assert core | by_models == set(tables.metadata.tables)
    # Every Core table an ORM model needs is mapped through `__table__`, not redeclared.
    over_core = {
        cls.__table__.name
        for cls in _mapped_classes()
        if "__tablename__" not in vars(cls)
    }
    assert over_core <= core
