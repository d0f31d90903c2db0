# METADATA
# description: >-
#   The second entrypoint (tuanthu/portfolio/result): the rules judged per owning agency over a run's
#   systems (catalogue `agency`), evaluated once per agency after every system was checked. Pure: its
#   input is the agency, the small summaries its systems gave (tuanthu/main/result's `summaries`) and
#   the context (as_of, days); never a descriptor.
package tuanthu.portfolio

import data.tuanthu.main

catalogue := data.tuanthu.catalogue

result := {"findings": findings}

findings := [f |
	some name, meta in catalogue
	meta.agency
	some d in data.tuanthu.rules[meta.family][name].agency_deny
	f := object.union(d, {"rule": meta.id, "status": main.status(d, meta)})
]
