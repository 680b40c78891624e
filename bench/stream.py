"""Streamlit's websocket protocol as the browser speaks it, without a browser (for the load figure L2).

One :class:`Browser` is one tab: it opens ``/_stcore/stream`` with the login cookie, asks for a page with a
``rerun_script`` BackMsg (``page_name`` and query string, as the frontend does on its first load), and
keeps what the frontend keeps between runs:

- the elements of the last run, by delta path (``ref_hash`` messages resolved from its message cache);
- the widget states (the frontend's WidgetStateManager): a widget gets its value from its proto when it
  first appears (``options[default]`` for a radio), keeps the value the user gave it, and is dropped when
  a run finishes without it;
- the page's script hash (from ``navigation``, as ``st.navigation`` apps send it; ``new_session`` names the
  main script) and the query string (updated by ``page_info_changed``).

A click is what the frontend sends when a radio changes: ``rerun_script`` with *all* widget states, the
clicked one changed, the current page hash and query string, and the hashes of its cached messages.
:meth:`Browser.click` returns the seconds from sending that message to the run's ``script_finished``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

COOKIE = "wegwijzer_sessie"
FINISHED_OK = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
_STRING_CHOICE = ("radio", "selectbox")  # value: one of the formatted options
_STRING_TEXT = ("text_area", "text_input")
_CONTEXT = ContextInfo(timezone="Europe/Amsterdam", timezone_offset=-60, locale="nl-NL", is_embedded=False,
                       color_scheme="light")


class RunFailed(RuntimeError):
    """A run that did not finish successfully (an exception on the page, a compile error, a closed socket)."""


@dataclass
class Run:
    """One script run as the browser saw it."""

    status: int | None = None
    elements: dict[tuple[int, ...], object] = field(default_factory=dict)  # delta path -> Element proto
    exceptions: list[str] = field(default_factory=list)
    messages: int = 0


class Browser:
    """One browser tab on one Streamlit server; use ``async with Browser(url, cookie) as tab``."""

    def __init__(self, url: str, cookie: str | None = None, *, headers: dict[str, str] | None = None,
                 timeout: float = 60.0):
        parts = urlsplit(url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.stream_url = ("wss" if parts.scheme == "https" else "ws") + f"://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.headers = dict(headers or {})
        if cookie:
            self.headers["Cookie"] = f"{COOKIE}={cookie}"
        self.timeout = timeout
        self.ws: ClientConnection | None = None
        self.backend = ""  # which process behind a proxy took this tab (the bench's nginx says so)
        self.page_hash = ""
        self.query_string = ""
        self.path = ""  # the page's URL path, as the address bar shows it
        self.widgets: dict[str, WidgetState] = {}  # widget id -> state, as the WidgetStateManager holds it
        self.last: Run = Run()
        self._cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, run count when last used)
        self._runs = 0
        self._max_age = 2
        self._current: Run | None = None

    async def __aenter__(self) -> Browser:
        self.ws = await connect(self.stream_url, subprotocols=["streamlit"], origin=self.origin,
                                additional_headers=self.headers, max_size=None, open_timeout=self.timeout,
                                compression=None)
        self.backend = self.ws.response.headers.get("X-Bench-Backend", "")
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    # --- what the user does -------------------------------------------------------------------------

    async def open(self, page_name: str, query_string: str = "") -> float:
        """The first load of ``/<page_name>?<query_string>``; returns its seconds."""
        self.query_string, self.path = query_string, page_name
        state = self._client_state()
        state.page_script_hash = ""
        state.page_name = page_name
        return await self._rerun(state)

    async def click(self, widget_id: str, value: object) -> float:
        """Change one widget as the user would and wait for the run it causes; returns its seconds."""
        state = self.widgets.get(widget_id)
        if state is None:
            raise KeyError(f"widget {widget_id} is not on the page")
        changed = WidgetState(id=widget_id)
        if value is True and state.WhichOneof("value") in (None, "trigger_value"):
            changed.trigger_value = True
        elif isinstance(value, bool):
            changed.bool_value = value
        else:
            changed.string_value = str(value)
        self.widgets[widget_id] = changed
        try:
            return await self._rerun(self._client_state())
        finally:
            if changed.WhichOneof("value") == "trigger_value":  # a button's trigger lasts one run
                self.widgets.pop(widget_id, None)

    async def press(self, widget_id: str) -> float:
        """Click a button (a trigger value for one run)."""
        self.widgets[widget_id] = WidgetState(id=widget_id)
        return await self.click(widget_id, True)

    # --- what is on the page --------------------------------------------------------------------------

    def find(self, kind: str, *, key: str | None = None, label: str | None = None):
        """Elements of the last run of this kind (``radio``, ``button`` …), by widget key suffix or label."""
        found = []
        for element in self.last.elements.values():
            if element.WhichOneof("type") != kind:
                continue
            proto = getattr(element, kind)
            if key is not None and not proto.id.endswith(f"-{key}"):
                continue
            if label is not None and label not in proto.label:
                continue
            found.append(proto)
        return found

    def value(self, widget_id: str) -> str | None:
        state = self.widgets.get(widget_id)
        if state is None or state.WhichOneof("value") is None:
            return None
        return getattr(state, state.WhichOneof("value"))

    # --- the protocol -----------------------------------------------------------------------------------

    def _client_state(self):
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash
        state.context_info.CopyFrom(_CONTEXT)
        state.context_info.url = f"{self.origin}/{self.path}" + (f"?{self.query_string}" if self.query_string else "")
        state.widget_states.widgets.extend(self.widgets.values())
        state.cached_message_hashes.extend(self._cache)
        return state

    async def _rerun(self, state) -> float:
        msg = BackMsg()
        msg.rerun_script.CopyFrom(state)
        self._current = Run()
        start = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await asyncio.wait_for(self._until_finished(), self.timeout)
        elapsed = time.perf_counter() - start
        run = self.last
        if run.status not in FINISHED_OK or run.exceptions:
            raise RunFailed(f"run ended with status {run.status}: {'; '.join(run.exceptions)[:500]}")
        return elapsed

    async def _until_finished(self) -> None:
        while True:
            data = await self.ws.recv()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            if self._handle(msg):
                return

    def _handle(self, msg: ForwardMsg) -> bool:
        """Apply one ForwardMsg; True when it ends the run this browser is waiting for."""
        run = self._current
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                raise RunFailed(f"cached ForwardMsg miss for {msg.ref_hash}")
            self._cache[msg.ref_hash] = (cached[0], self._runs)
            kind, metadata = "delta", msg.metadata
            msg = cached[0]
        else:
            metadata = msg.metadata
            if metadata.cacheable and msg.hash:
                self._cache[msg.hash] = (msg, self._runs)
        run.messages += 1
        if kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash
            if msg.new_session.config.max_cached_message_age:
                self._max_age = msg.new_session.config.max_cached_message_age
            run.elements.clear()  # a run that restarts (a rerun request during a run) draws anew
        elif kind == "delta":
            if msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                run.elements[tuple(metadata.delta_path)] = element
                if element.WhichOneof("type") == "exception":
                    run.exceptions.append(element.exception.message)
        elif kind == "navigation":  # st.navigation: the page that ran (new_session names the main script)
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            run.exceptions.append(msg.session_event.script_compilation_exception.message)
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return False  # the next run follows on this socket
            run.status = msg.script_finished
            self._finish(run)
            return True
        return False

    def _finish(self, run: Run) -> None:
        """What the frontend does when a run ends: widget states of the elements now on the page only."""
        self._runs += 1
        self.last = run
        active: dict[str, WidgetState] = {}
        for element in run.elements.values():
            kind = element.WhichOneof("type")
            proto = getattr(element, kind)
            widget_id = getattr(proto, "id", "")
            if not widget_id or kind in ("page_link", "button", "download_button", "link_button"):
                continue
            state = self.widgets.get(widget_id)
            if state is None or getattr(proto, "set_value", False):
                state = _initial_state(kind, proto)
            if state is not None:
                active[widget_id] = state
        self.widgets = active
        self._cache = {h: (m, used) for h, (m, used) in self._cache.items() if self._runs - used <= self._max_age}


def _initial_state(kind: str, proto) -> WidgetState | None:
    """A widget's state when it first appears, or when the server sets its value (``set_value``)."""
    state = WidgetState(id=proto.id)
    if kind in _STRING_CHOICE:
        if proto.set_value:
            if proto.HasField("raw_value"):
                state.string_value = proto.raw_value
        elif proto.HasField("default") and proto.options:
            state.string_value = proto.options[proto.default]
    elif kind in _STRING_TEXT:
        source = "value" if proto.set_value else "default"
        if proto.HasField(source):
            state.string_value = getattr(proto, source)
    elif kind == "checkbox":
        state.bool_value = bool(getattr(proto, "value" if proto.set_value else "default", False))
    else:
        return None  # not on the questionnaire: the load generator does not touch it
    return state
