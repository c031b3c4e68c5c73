"""markdown-it-py set up for report chapters: no raw HTML, GFM tables, and the directive syntax."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from bildungslandschaft.core.report.syntax import BLOCK_KINDS, MARKER, is_directive

BLOCK = "bila_directive"
INLINE = "bila_inline_directive"


def chapter_markdown() -> MarkdownIt:
    """The parser; raw HTML is off so that chapter text cannot inject markup into the site."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    md.block.ruler.before("paragraph", BLOCK, _block_rule, {"alt": ["paragraph"]})
    md.inline.ruler.before("text", INLINE, _inline_rule)
    return md


def _block_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:  # noqa: ARG001 - markdown-it's signature
    if state.sCount[start] - state.blkIndent >= 4:
        return False  # indented code
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not is_directive(line) or line.strip()[len(MARKER) :].split()[0] not in BLOCK_KINDS:
        return False
    if silent:
        return True
    token = state.push(BLOCK, "", 0)
    token.content = line.strip()
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def _inline_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith(MARKER, state.pos):
        return False
    end = state.src.find(MARKER, state.pos + len(MARKER))
    if end < 0:
        return False
    if not silent:
        token = state.push(INLINE, "", 0)
        token.content = state.src[state.pos : end + len(MARKER)]
    state.pos = end + len(MARKER)
    return True
