"""Codes emitted while reading files and checking records against their models."""

from __future__ import annotations

from .registry import RuleCode, register_code

STRUCTURE_CODES: tuple[RuleCode, ...] = (
    RuleCode(
        "file-missing",
        "error",
        "A record file of the dataset is missing",
        "Every dataset directory holds predicates.jsonl, sources.jsonl, entities.jsonl, "
        "events.jsonl and claims.jsonl.",
        "Create the file; an empty file is a valid file with no records.",
    ),
    RuleCode(
        "file-unreadable",
        "error",
        "A record file cannot be read, or is not a regular file",
        "The file could not be opened (permissions), or it is a directory, a device, a pipe or a "
        "symbolic link. Links are refused so that a dataset cannot make the validator read "
        "files outside it.",
        "Make it a regular, readable file inside the dataset directory.",
    ),
    RuleCode(
        "file-too-large",
        "error",
        "A record file is larger than the reader accepts",
        "Files above Config.max_file_bytes (default 4 GiB) are not read, to bound the time a "
        "validation can take on untrusted input.",
        "Split the data, or raise the limit if the size is genuine.",
    ),
    RuleCode(
        "file-bom",
        "warning",
        "A record file starts with a byte-order mark",
        "JSON Lines files are UTF-8 without a BOM; the BOM is skipped and the file still read.",
        "Save the file without BOM.",
    ),
    RuleCode(
        "line-crlf",
        "warning",
        "A line ends with CRLF",
        "Record files use LF line endings; the line is still read.",
        "Convert the file to LF endings.",
    ),
    RuleCode(
        "line-blank",
        "warning",
        "A blank line in a record file",
        "Blank lines carry no record and are skipped.",
        "Delete the blank line.",
    ),
    RuleCode(
        "line-too-long",
        "error",
        "A line is longer than the reader accepts",
        "Lines above Config.max_line_bytes (default 1 MiB) are not parsed, to bound memory and "
        "time on untrusted input.",
        "Shorten the record; no real record comes near the limit.",
    ),
    RuleCode(
        "utf8-invalid",
        "error",
        "A line is not valid UTF-8",
        "Record files are UTF-8; the line is skipped, the rest of the file is still checked.",
        "Re-encode the file as UTF-8.",
    ),
    RuleCode(
        "json-invalid",
        "error",
        "A line is not valid JSON",
        "The line could not be parsed as one JSON text.",
        "Fix the syntax at the column given; each line is one complete JSON object.",
    ),
    RuleCode(
        "json-trailing-data",
        "error",
        "A line has more after its JSON value",
        "Each line holds exactly one JSON value; two objects on a line, or text after the object, "
        "are refused.",
        "Put each record on its own line and remove what follows the closing brace.",
    ),
    RuleCode(
        "json-number-range",
        "error",
        "An integer is beyond 2**53",
        "Integers larger than 2**53 in magnitude cannot be held exactly by most JSON consumers, "
        "and no field of any record needs one.",
        "Write the value the text gives; offsets, years and counts are far smaller.",
    ),
    RuleCode(
        "json-too-deep",
        "error",
        "Arrays and objects nest too deeply",
        "Lines nesting deeper than Config.max_depth (default 32) are refused before parsing; "
        "records nest at most 5 levels.",
        "Flatten the value.",
    ),
    RuleCode(
        "json-lone-surrogate",
        "error",
        "A string holds a lone UTF-16 surrogate",
        "An escape in \\ud800-\\udfff must be half of a surrogate pair; alone it is no character "
        "and cannot be written as UTF-8.",
        "Write the intended character directly, or give the full surrogate pair.",
    ),
    RuleCode(
        "json-duplicate-key",
        "error",
        "An object has the same key twice",
        "JSON readers disagree about which of two equal keys wins, so the record is refused.",
        "Keep exactly one occurrence of the key.",
    ),
    RuleCode(
        "json-nonfinite",
        "error",
        "A number is NaN, Infinity or too large",
        "JSON has no NaN or Infinity, and numbers must fit a 64-bit float.",
        "Use a finite number, or null for an unknown value.",
    ),
    RuleCode(
        "json-not-object",
        "error",
        "A line holds a JSON value that is not an object",
        "Each line of a record file is one record, written as a JSON object.",
        "Wrap the record in {...} or remove the line.",
    ),
    RuleCode(
        "line-not-canonical",
        "warning",
        "A record is not written in canonical form",
        "Canonical form keeps diffs small and reviewable: keys in model order, default values "
        'left out, `", "` and `": "` as separators, strings in Unicode NFC (quotes excepted), '
        "non-ASCII characters written as themselves.",
        "Run `kursk-pows fmt`, which rewrites the files in canonical form without changing "
        "their content.",
    ),
    RuleCode(
        "field-missing",
        "error",
        "A required field is missing",
        "The record lacks a field its model requires (see schema/ for the record type).",
        "Add the field; write null where the value is unknown and the field allows it.",
    ),
    RuleCode(
        "field-unknown",
        "error",
        "A field the model does not know",
        "Records are closed: a misspelt or invented field is refused rather than ignored.",
        "Remove the field or correct its spelling.",
    ),
    RuleCode(
        "field-invalid",
        "error",
        "A field has a value of the wrong type or form",
        "Types are strict: no string is read as a number, no number as a string.",
        "Give a value of the type and form the schema requires.",
    ),
)
"""Codes of the reader and of the model check; the loader emits them, not a rule function."""

for _code in STRUCTURE_CODES:
    register_code(_code)
