"""The seller profile the approved messages speak of, and the one referral reward.

Saved to the settings file with `config.save_settings`; the reward is shown
as a message will say it, so a contradiction is visible before it is sent.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Input, Label, Select, Static

from sellerdesk.config import Settings
from sellerdesk.safe_text import visible
from sellerdesk.templates.values import reward_text
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain

# (input id, section, attribute, label, hint)
FIELDS = (
    ("seller-name", "seller", "name", "Your name (as clients know you)", "e.g. Jehan"),
    (
        "seller-profile-url",
        "seller",
        "profile_url",
        "Fiverr profile link",
        "https://www.fiverr.com/you/",
    ),
    ("seller-level", "seller", "level", "Seller level", "e.g. Top Rated Seller"),
    ("seller-years", "seller", "years_experience", "Years of experience", "e.g. 6+"),
    ("seller-projects", "seller", "projects_completed", "Projects completed", "e.g. 2500+"),
    ("team-user", "team", "user_name", "Your name on the timeline", "empty: your login name"),
)
REWARD_KINDS = (
    ("A percentage off the next project", "percent"),
    ("An amount off the next project ($)", "amount"),
    ("A free add-on (type its name)", "addon"),
)


class SettingsScreen(DeskModal[bool]):
    DEFAULT_CSS = """
    SettingsScreen { align: center middle; }
    SettingsScreen #settings-dialog {
        width: 80; height: 90%; border: round $accent; padding: 0 2; background: $surface;
    }
    SettingsScreen Label { margin-top: 1; }
    SettingsScreen #settings-error { color: $error; height: auto; }
    SettingsScreen #reward-preview, SettingsScreen .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save", id="settings-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="settings-cancel"),
    ]

    def compose(self) -> ComposeResult:
        settings: Settings = self.app.settings
        with VerticalScroll(id="settings-dialog"):
            yield Static("[b]Seller profile[/b] (used in the approved messages)", markup=True)
            for input_id, section, attr, label, hint in FIELDS:
                yield Label(label)
                value = str(getattr(getattr(settings, section), attr))
                yield Input(visible(value), placeholder=hint, id=input_id)
            yield Label("Referral reward (one reward only)")
            yield Select(
                REWARD_KINDS, value=settings.referral.kind, allow_blank=False, id="reward-kind"
            )
            yield Input(
                visible(str(settings.referral.value)),
                placeholder="10, 50 or the add-on",
                id="reward-value",
            )
            yield Static("", id="reward-preview")
            yield Static("", id="settings-error")
            yield Static("f2 saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#seller-name", Input).focus()
        self._preview()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "reward-value":
            self._preview()

    def on_select_changed(self, _event: Select.Changed) -> None:
        self._preview()

    def _reward(self) -> tuple[str, str]:
        kind = str(self.query_one("#reward-kind", Select).value)
        value = self.query_one("#reward-value", Input).value.strip()
        return kind, value

    def _preview(self) -> None:
        kind, value = self._reward()
        trial = Settings()
        trial.referral.kind, trial.referral.value = kind, value
        said = reward_text(trial)
        text = f'Messages will say: "I offer {said} on your next project"' if said else ""
        self.query_one("#reward-preview", Static).update(plain(text))

    def _problem(self) -> str | None:
        kind, value = self._reward()
        if not value:
            return "Give the referral reward a value."
        if kind in ("percent", "amount"):
            number = value.strip("%$ ")
            if not number.replace(".", "", 1).isdecimal():
                return f"'{value}' is not a number; the reward is {kind}."
            if kind == "percent" and float(number) > 100:
                return "A percentage reward cannot be more than 100."
        url = self.query_one("#seller-profile-url", Input).value.strip()
        if url and not url.startswith(("https://", "http://")):
            return "The profile link should start with https://."
        return None

    def action_save(self) -> None:
        from sellerdesk.config import save_settings

        problem = self._problem()
        if problem:
            self.query_one("#settings-error", Static).update(plain(problem))
            return
        import copy

        from sellerdesk.config import problems_with
        from sellerdesk.paths import os_problem

        settings: Settings = copy.deepcopy(self.app.settings)
        for input_id, section, attr, _label, _hint in FIELDS:
            value = self.query_one(f"#{input_id}", Input).value.strip()
            setattr(getattr(settings, section), attr, value)
        kind, value = self._reward()
        settings.referral.kind = kind
        settings.referral.value = value.strip("%$ ") if kind != "addon" else value
        refused = problems_with(settings)
        if refused:
            # What the file could not hold is never saved: it would be refused when read.
            self.query_one("#settings-error", Static).update(refused[0].capitalize() + ".")
            return
        try:
            path = save_settings(settings)
        except OSError as exc:
            self.query_one("#settings-error", Static).update(
                plain(f"Could not save the settings: {os_problem(exc)}. Nothing was changed.")
            )
            return
        self.app.settings = settings
        self.app.notify(f"Settings saved to {path}.", timeout=4)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
