# METADATA
# description: Helpers shared by every rule. Pure functions of input and data.
package tuanthu.lib

# The descriptor being checked: `d`, as it stood on as_of (evidence.rego).

# Evaluation date (YYYY-MM-DD); never the clock.
as_of := input.context.as_of

# Effective lifecycle stage (the descriptor's, or the one forced by --stage).
stage := input.context.stage

level := d.classification.level

# The day the system's design was decided: its investment decision, else the start of its build.
designed_on := d.lifecycle.investment_decision

designed_on := d.lifecycle.build_start if not d.lifecycle.investment_decision

# Designed before `date` (YYYY-MM-DD), the day a document first asked something of designs; unknown
# when neither date is declared (then the system is judged as designed after it).
designed_before(date) if designed_on < date

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

# Two names are one (an assessor and the operator, an appraiser and the operator): compared as
# src/engine/waivers/validity.ts#sameName does, without invisible characters (text.ts's set), with
# white space collapsed, in lower case. Unicode normalisation (NFC/NFD) is not available here.
same_name(a, b) if {
	x := name_key(a)
	x != ""
	x == name_key(b)
}

name_key(s) := concat(" ", [w | some w in split(lower(strings.replace_n(blanks, strings.replace_n(invisible, s))), " "); w != ""]) if is_string(s)

# The characters src/util/text.ts's INVISIBLE_CLASS names, removed from a name.
invisible := {
	"\u00ad": "", "\u180e": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u200e": "",
	"\u200f": "", "\u2028": "", "\u2029": "", "\u202a": "", "\u202b": "", "\u202c": "",
	"\u202d": "", "\u202e": "", "\u202f": "", "\u205f": "", "\u2060": "", "\u2061": "",
	"\u2062": "", "\u2063": "", "\u2064": "", "\u2065": "", "\u2066": "", "\u2067": "",
	"\u2068": "", "\u2069": "", "\u206a": "", "\u206b": "", "\u206c": "", "\u206d": "",
	"\u206e": "", "\u206f": "", "\ufeff": "",
}

# White space to JavaScript's \s other than the space (and those already removed as invisible).
blanks := {
	"\u0009": " ", "\u000a": " ", "\u000b": " ", "\u000c": " ", "\u000d": " ", "\u00a0": " ",
	"\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
	"\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
	"\u3000": " ",
}

# Percentage with one decimal, e.g. 0.1234 -> 12.3.
percent(part, whole) := round((part * 1000) / whole) / 10 if whole > 0
