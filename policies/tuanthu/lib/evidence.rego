# The descriptor as it stood on as_of. A date that records something done (data.tuanthu.evidence)
# and lies after as_of is not evidence on that day: EVD-01 alone reports it, from the descriptor as
# given (`descriptor`), and every other rule reads `d`, where what that date records is left out, so
# that it judges the system as if that had not been done yet (its own verdict for a missing record,
# due until its deadline as any other) and no rule reports the date a second time.
package tuanthu.lib

# The descriptor as given.
descriptor := input.descriptor

# The descriptor every rule but EVD-01 reads.
d := json.remove(descriptor, left_out) if {
	count(left_out) > 0
} else := descriptor

# [path, date, entry] of every evidence date the descriptor holds; path is the date's segments.
evidence_dates contains [e.path, date, e] if {
	some e in data.tuanthu.evidence.evidence
	not e.each
	evidence_now(e)
	date := object.get(descriptor, e.path, null)
	is_string(date)
}

evidence_dates contains [path, date, e] if {
	some e in data.tuanthu.evidence.evidence
	e.each
	some i, item in object.get(descriptor, e.each, [])
	date := object.get(item, e.path, null)
	is_string(date)
	path := array.concat(array.concat(e.each, [format_int(i, 10)]), e.path)
}

# A lifecycle date is evidence once the system has reached that stage; before, it is a plan.
evidence_now(e) if not e.stages

evidence_now(e) if stage in e.stages

# Evidence dated after as_of: [path, date] (EVD-01's findings).
future_dates contains [path, date] if {
	some [path, date, _] in evidence_dates
	date > as_of
}

# What those dates take away ("a/b/0/c", as json.remove reads it): the date, or the record it dates.
left_out contains concat("/", object.get(e, "drop", path)) if {
	some [path, date, e] in evidence_dates
	date > as_of
	not e.keep
}
