"""The sign-in page: a key pasted once, kept by the browser as an ``HttpOnly``
session cookie (the page's script never sees it)."""

from __future__ import annotations

import html

from graph_service.config import Language
from visualisations.explorer import FAVICON

__all__ = ["login_page"]

_FR, _EN = Language.FR, Language.EN

WORDS: dict[str, dict[Language, str]] = {
    "title": {_FR: "Maillage — connexion", _EN: "Maillage — sign in"},
    "intro": {
        _FR: (
            "Les cartes de Maillage sont privées. Collez la clé d'API que votre "
            "administrateur vous a remise (elle commence par « mlg_ »)."
        ),
        _EN: (
            "Maillage's maps are private. Paste the API key your administrator gave you "
            "(it starts with 'mlg_')."
        ),
    },
    "key": {_FR: "Clé d'API", _EN: "API key"},
    "submit": {_FR: "Se connecter", _EN: "Sign in"},
    "wrong": {
        _FR: "Cette clé n'est pas valable (inconnue, expirée ou révoquée).",
        _EN: "This key is not valid (unknown, expired or revoked).",
    },
    "hint": {
        _FR: "Pas de clé ? Un administrateur en crée une : maillage key create NOM.",
        _EN: "No key? An administrator creates one: maillage key create NAME.",
    },
}

STYLE = """
body { font-family: system-ui, sans-serif; background: #f4f6f8; margin: 0; }
main { max-width: 30rem; margin: 10vh auto; background: #fff; padding: 2rem;
       border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { font-size: 1.4rem; margin-top: 0; color: #1565c0; }
label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
input { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
button { margin-top: 1rem; padding: .5rem 1.2rem; font-size: 1rem; background: #1565c0;
         color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.wrong { color: #b71c1c; font-weight: 600; }
.hint { color: #555; font-size: .9rem; }
"""


def login_page(language: Language, *, wrong: bool = False, next_path: str = "/") -> str:
    def w(key: str) -> str:
        return html.escape(WORDS[key][language])

    error = f'<p class="wrong" role="alert">{w("wrong")}</p>' if wrong else ""
    return f"""<!doctype html>
<html lang="{language.value}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{w("title")}</title>
<link rel="icon" href="{FAVICON}">
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{w("title")}</h1>
<p>{w("intro")}</p>
{error}
<form method="post" action="/login">
<input type="hidden" name="next" value="{html.escape(next_path)}">
<input type="hidden" name="lang" value="{language.value}">
<label for="key">{w("key")}</label>
<input id="key" name="key" type="password" autocomplete="off" required autofocus>
<button type="submit">{w("submit")}</button>
</form>
<p class="hint">{w("hint")}</p>
</main>
</body>
</html>
"""
