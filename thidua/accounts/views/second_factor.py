"""Xác thực hai bước as a person meets it: the code asked after the password, the page that
enrols an authenticator app (its key as a QR code and as text) and shows the recovery codes
once, and on the account page new recovery codes or turning it off."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts.forms import SecondFactorForm
from thidua.accounts.selectors import app_device, second_factor_required
from thidua.accounts.services.second_factor import (
    enrolment_begin,
    enrolment_confirm,
    recovery_codes_renew,
    second_factor_check,
    second_factor_remove,
)
from thidua.accounts.session_signals import SECOND_FACTOR
from thidua.accounts.views.next_page import safe_next
from thidua.common.actions import attempt


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code of the enrolled app, or a recovery code."""
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(safe_next(request) or "home")
    form = SecondFactorForm(request.POST or None)
    found: list[Any] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: found.append(
                second_factor_check(user=request.user, code=form.cleaned_data["code"])
            ),
        )
    ):
        django_otp.login(request, found[0])
        return redirect(safe_next(request) or "home")
    status = 400 if form.is_bound else 200
    context = {"form": form, "next": safe_next(request)}
    return render(request, "accounts/second_factor_verify.html", context, status=status)


def _key_in_groups(device: Any) -> str:
    """The key as an app asks for it when typed rather than scanned, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Scan, then type the code the app shows: the app is enrolled and the recovery codes are
    shown on this answer only."""
    device = enrolment_begin(user=request.user)
    form = SecondFactorForm(request.POST or None)
    done: list[Any] = []
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: done.append(
                enrolment_confirm(user=request.user, code=form.cleaned_data["code"])
            ),
        )
    ):
        enrolled, codes = done[0]
        django_otp.login(request, enrolled)
        return render(
            request,
            "accounts/second_factor_codes.html",
            {"codes": codes, "enrolled": True, "next": safe_next(request)},
        )
    context = {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "key": _key_in_groups(device),
        "replacing": app_device(request.user) is not None,
        "required": second_factor_required(request.user),
        "next": safe_next(request),
    }
    status = 400 if form.is_bound else 200
    return render(request, "accounts/second_factor_setup.html", context, status=status)


@require_POST
@login_required
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if app_device(request.user) is None:
        messages.error(request, "Tài khoản chưa bật xác thực hai bước.")
        return redirect("accounts:account")
    codes = recovery_codes_renew(user=request.user)
    return render(request, "accounts/second_factor_codes.html", {"codes": codes})


@require_POST
@login_required
def turn_off(request: HttpRequest) -> HttpResponse:
    form = SecondFactorForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: second_factor_remove(
            user=request.user,
            code=form.cleaned_data["code"],
            required=second_factor_required(request.user),
        ),
    ):
        request.session.pop(SECOND_FACTOR, None)
        messages.success(request, "Đã tắt xác thực hai bước.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"Chưa tắt xác thực hai bước: {error}")
    return redirect("accounts:account")
