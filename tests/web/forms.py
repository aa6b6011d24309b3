"""Reading a page's form as a browser would submit it: every input, select and textarea of a
POST form with its current value, so a test can change some values and post the rest as
shown (with the revision the page carries)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, str]] = []
        self.current: dict[str, str] | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self.current = {}
            self.forms.append(self.current)
        if self.current is None:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.current[name] = a.get("value", "on" if a.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self.select = name
            self.current.setdefault(name, "")
        elif tag == "option" and self.select is not None:
            if "selected" in a or not self.current.get(self.select):
                self.current[self.select] = a.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.current[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.textarea is not None:
            self.current[self.textarea] += data


def post_forms(html: str) -> list[dict[str, str]]:
    """Every POST form of a page, as the values it would submit."""
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_with(html: str, field: str) -> dict[str, str]:
    """The POST form of a page that has ``field``."""
    for form in post_forms(html):
        if field in form:
            return dict(form)
    raise AssertionError(f"no form with {field}")
