from __future__ import annotations

from typing import Any

import factory

from thidua.accounts.models import Role, RoleKind, User
from thidua.orgs.models import Unit


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = "Cán bộ thi đua"
    password = factory.PostGenerationMethodCall("set_password", "matkhau")

    @factory.post_generation
    def save_password(obj: User, create: bool, extracted: object, **kwargs: object) -> None:  # noqa: N805 - factory_boy passes the built object
        if create:
            obj.save()


def officer_of(unit: Unit, **kwargs: Any) -> User:
    """A TĐKT officer acting for ``unit`` and the units under it."""
    user = UserFactory.create(**kwargs)
    Role.objects.create(user=user, kind=RoleKind.OFFICER, unit=unit)
    return user


def leader_of(unit: Unit, **kwargs: Any) -> User:
    user = UserFactory.create(**kwargs)
    Role.objects.create(user=user, kind=RoleKind.LEADER, unit=unit)
    return user
