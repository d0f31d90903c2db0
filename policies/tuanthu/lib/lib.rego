# METADATA
# description: Helpers shared by every rule. Pure functions of input and data.
package tuanthu.lib

# The descriptor being checked: `d`, as it stood on as_of (evidence.rego).

# Evaluation date (YYYY-MM-DD); never the clock.
as_of := input.context.as_of

# Effective lifecycle stage (the descriptor's, or the one forced by --stage).
stage := input.context.stage

level := d.classification.level

# A descriptor was given (IaC can also be checked on its own).
has_descriptor if is_object(input.descriptor)

# Infrastructure code was given (even one with no resources).
has_iac if count(object.get(input, ["iac", "stacks"], [])) > 0

is_civil if d.system.sector == "civil"

# Day number of a YYYY-MM-DD string; TypeScript pre-computes them (no time.* built-ins in Wasm).
day(date) := input.context.days[date]

days_between(from, to) := day(to) - day(from)

days_since(date) := days_between(date, as_of)

# A finding: where (JSON pointer or resource address), which message template, and its parameters.
finding(path, msg, params) := {"path": path, "msg": msg, "params": params}

# A value the rule needs is unknown until apply: its own verdict (status "unknown"), never a pass
# and never a violation (unknown is not absent). params.expression says what the code holds there.
unknown_finding(path, msg, params) := {"path": path, "msg": msg, "params": params, "status": "unknown"}

# A finding that goes beyond the directives' text: a recommendation, at its own severity below the
# rule's, labelled as such in every format (never reported as the directive's requirement).
recommendation(path, msg, params, severity) := {
	"path": path, "msg": msg, "params": params,
	"severity": severity, "recommendation": true,
}

# The value of a versioned threshold in force on as_of: the version with the latest
# effective_from that is not after as_of.
threshold(name) := v.value if {
	some v in data.tuanthu.thresholds[name]
	v.effective_from <= as_of
	not superseded(name, v)
}

superseded(name, v) if {
	some w in data.tuanthu.thresholds[name]
	w.effective_from <= as_of
	w.effective_from > v.effective_from
}

# obj[key] is a non-blank string: it has a character a reader would see. Takes the key separately
# so that a missing key is false, not undefined (a negated call with an undefined argument would
# itself be undefined).
has_text(obj, key) if {
	is_string(obj[key])
	regex.match(visible_text, obj[key])
}

# src/util/text.ts's VISIBLE_TEXT in RE2's words: a character that is neither white space as
# JavaScript's \s has it (U+0085 is not; RE2's \s is ASCII only, hence the list) nor invisible (the
# soft hyphen, U+180E, the zero-width characters and directional marks U+200B-U+200F, U+2028-U+202F,
# U+205F-U+206F and the BOM). tests/integration/policy-blank-text.test.ts compares the two.
visible_text := `[^\t\n\x{000B}\f\r \x{00A0}\x{00AD}\x{1680}\x{180E}\x{2000}-\x{200F}\x{2028}-\x{202F}\x{205F}-\x{206F}\x{3000}\x{FEFF}]`

# Percentage with one decimal, e.g. 0.1234 -> 12.3.
percent(part, whole) := round((part * 1000) / whole) / 10 if whole > 0
