# METADATA
# description: |
#   Helpers over the normalised IaC resource model (built in TypeScript from cdk.tf.json,
#   Terraform JSON, HCL and plan JSON). input.iac.resources is the batch being checked;
#   input.iac.global holds the stack-wide resources (CloudTrail, GuardDuty, EBS default
#   encryption) that every batch sees; input.iac.providers lists the providers of the whole stack.
package tuanthu.iac

# Every resource this evaluation can see.
resources := array.concat(object.get(input, ["iac", "resources"], []), object.get(input, ["iac", "global"], []))

of_type(t) := object.get(resources_by_type, t, [])

# Where stack-level findings point: the first IaC input (TypeScript maps it to that file).
stack_path := input.iac.stacks[0]

uses_aws if "aws" in object.get(input, ["iac", "providers"], [])

# Resources of type t that reference r (e.g. the encryption configuration of a bucket), by their
# positions in the batch, which TypeScript adds to r as referenced_by (src/iac/evaluate.ts):
# scanning the batch for them, bucket by bucket, was quadratic in its size.
attached(r, t) := [input.iac.resources[i] | some i in object.get(r, ["referenced_by", t], [])]

resources_by_type[t] := [a | some a in resources; a.type == t] if some t in {r.type | some r in resources}

# A nested block as a list: Terraform JSON writes one block as an object, hcl2json and plans as arrays.
blocks(obj, key) := as_list(object.get(obj, key, []))

as_list(x) := x if is_array(x)

as_list(x) := [x] if is_object(x)

as_list(null) := []

# The value at a dotted path is only known after apply (itself or a parent is unknown).
unknown(r, path) if path in r.unknown

unknown(r, path) if {
	some u in r.unknown
	startswith(path, concat("", [u, "."]))
}

# A value at, under or above a dotted path is unknown until apply: the value itself, a parent, or
# something inside it (a block one of whose attributes is ${var.x}).
unknown_within(r, path) if {
	some u in r.unknown
	related_path(u, path)
}

# Something strictly inside the value at path is unknown (not the whole value, as a plan marks a
# computed attribute the configuration never set).
unknown_below(r, path) if {
	some u in r.unknown
	startswith(u, concat("", [path, "."]))
}

related_path(u, path) if u == path

related_path(u, path) if startswith(u, concat("", [path, "."]))

related_path(u, path) if startswith(path, concat("", [u, "."]))

# What the code holds where a value needed at path is unknown, for the reader: the expression
# written there (${var.status}); a plan marks the value without one, as Terraform prints it.
unknown_expression(r, path) := expression_at(r, min([u | some u in r.unknown; related_path(u, path)]))

expression_at(r, u) := v if {
	v := object.get(r.values, [segment(s) | some s in split(u, ".")], null)
	is_string(v)
} else := "(known after apply)"

segment(s) := to_number(s) if regex.match(`^[0-9]+$`, s)

else := s

# The first (sorted) unknown path of r that matches a regular expression, for rules whose verdict
# hangs on a few attributes of a block and not on the rest (a forward action's target group ARN).
unknown_path(r, pattern) := min(paths) if {
	paths := [u | some u in r.unknown; regex.match(pattern, u)]
	count(paths) > 0
}

is_true(obj, key) if obj[key] == true

# --- encryption at rest (AWS-S3-01, AWS-RDS-01, AWS-EBS-01, IAC-X-01) ---

# "encrypted" | "unknown" | "no_algorithm" | "missing" for an aws_s3_bucket. A configuration
# counts by its value: a rule that names a server-side algorithm, not an empty `rule {}`.
s3_encryption(b) := "encrypted" if s3_encrypted(b)

else := "unknown" if s3_encryption_unknown(b)

else := "no_algorithm" if count(s3_sse_configs(b)) > 0

else := "missing"

# Server-side encryption algorithms S3 accepts (SSE-S3, SSE-KMS, DSSE-KMS).
s3_sse_algorithms := {"AES256", "aws:kms", "aws:kms:dsse"}

s3_sse_configs(b) := array.concat(
	blocks(b.values, "server_side_encryption_configuration"),
	[a.values | some a in attached(b, "aws_s3_bucket_server_side_encryption_configuration")],
)

s3_encrypted(b) if {
	some c in s3_sse_configs(b)
	some r in blocks(c, "rule")
	some d in blocks(r, "apply_server_side_encryption_by_default")
	d.sse_algorithm in s3_sse_algorithms
}

s3_encryption_unknown(b) if unknown_within(b, "server_side_encryption_configuration")

s3_encryption_unknown(b) if {
	some a in attached(b, "aws_s3_bucket_server_side_encryption_configuration")
	unknown_within(a, "rule")
}

# The expression that leaves a bucket's encryption unknown.
s3_encryption_expression(b) := e if {
	e := unknown_expression(b, "server_side_encryption_configuration")
} else := e if {
	some a in attached(b, "aws_s3_bucket_server_side_encryption_configuration")
	e := unknown_expression(a, "rule")
}

# RDS instances and Aurora clusters: "encrypted" | "unknown" | "missing".
rds_types := {"aws_db_instance", "aws_rds_cluster"}

db_encryption(r) := "encrypted" if is_true(r.values, "storage_encrypted")

db_encryption(r) := "unknown" if {
	not is_true(r.values, "storage_encrypted")
	unknown(r, "storage_encrypted")
}

db_encryption(r) := "missing" if {
	not is_true(r.values, "storage_encrypted")
	not unknown(r, "storage_encrypted")
}

ebs_default_encryption if {
	some e in of_type("aws_ebs_encryption_by_default")
	not e.values.enabled == false
}

ebs_encryption(v) := "encrypted" if is_true(v.values, "encrypted")

ebs_encryption(v) := "encrypted" if {
	not is_true(v.values, "encrypted")
	ebs_default_encryption
}

ebs_encryption(v) := "unknown" if {
	not is_true(v.values, "encrypted")
	not ebs_default_encryption
	unknown(v, "encrypted")
}

ebs_encryption(v) := "missing" if {
	not is_true(v.values, "encrypted")
	not ebs_default_encryption
	not unknown(v, "encrypted")
}

# Resources holding data that are not encrypted at rest (known, not merely unknown until apply).
# A list, not a set: a set hashes every resource object it holds.
unencrypted_at_rest := array.concat(
	array.concat(
		[r | some r in of_type("aws_s3_bucket"); s3_encryption(r) in {"missing", "no_algorithm"}],
		[r | some t in rds_types; some r in of_type(t); db_encryption(r) == "missing"],
	),
	[r | some r in of_type("aws_ebs_volume"); ebs_encryption(r) == "missing"],
)

# Resources holding data whose encryption at rest is unknown until apply, with the expression.
unknown_at_rest := array.concat(
	array.concat(
		[{"resource": r, "expression": s3_encryption_expression(r)} | some r in of_type("aws_s3_bucket"); s3_encryption(r) == "unknown"],
		[{"resource": r, "expression": unknown_expression(r, "storage_encrypted")} | some t in rds_types; some r in of_type(t); db_encryption(r) == "unknown"],
	),
	[{"resource": r, "expression": unknown_expression(r, "encrypted")} | some r in of_type("aws_ebs_volume"); ebs_encryption(r) == "unknown"],
)

# --- location (IAC-LOC-01, IAC-X-01) ---

locations := data.tuanthu.locations

# Every resource that holds or processes data, with where it is, worked out once per evaluation
# rather than once per question about it: each question looked the provider up again, a dozen
# lookups per resource (docs/benchmarks.md, Run 6).
placements := [{"resource": r, "where": where(r, info)} |
	some r in resources
	info := locations.providers[r.provider]
	holds_data(r, info)
	not declared_without_data(r)
]

holds_data(_, info) if not info.data_resource_types

holds_data(r, info) if r.type in info.data_resource_types

declared_without_data(r) if r.tags[locations.no_data_tag] == locations.no_data_value

# Country (null when it cannot be told), the place for messages and its name: the zone's when the
# zone is a listed one, else the region's, else the provider's default country.
where(r, info) := {"country": z.country, "place": r.zone, "place_name": z.name} if {
	z := info.zones[r.zone]
} else := {"country": g.country, "place": object.get(r, "region", null), "place_name": g.name} if {
	g := info.regions[r.region]
} else := declared_place(r) if {
	info.declared_regions
} else := {"country": object.get(info, "default_country", null), "place": object.get(r, "region", null), "place_name": ""}

# A private cloud's operator-named region (locations data declared_regions): the first data centre of
# the descriptor that lists it in cloud_regions, else undeclared (its country cannot be told).
declared_place(r) := {"country": dc.country, "place": r.region, "place_name": dc.name} if {
	centres := [c |
		some c in object.get(input, ["descriptor", "hosting", "data_centres"], [])
		is_string(c.country)
		r.region in object.get(c, "cloud_regions", [])
	]
	dc := centres[0]
} else := {"country": null, "place": object.get(r, "region", null), "place_name": "", "undeclared": true}

# A region the code names but no data centre of the descriptor lists (declared_regions providers).
region_undeclared(p) if {
	p.where.undeclared
	is_string(p.resource.region)
}

# The location cannot be known before apply (no region configured, or set from an expression).
location_unknown(p) if {
	p.where.country == null
	p.resource.region == null
}

# What leaves a resource's location unknown: its own region or zone expression, else its provider's region.
location_expression(r) := e if {
	some k in ["region", "availability_zone"]
	e := r.values[k]
	is_string(e)
	contains(e, "${")
} else := concat("", ["provider.", object.get(r, "provider_config", object.get(r, "provider", "?")), ".", region_attribute(r)])

# The provider-block attribute naming the region (locations data region_attribute, else region).
region_attribute(r) := object.get(locations.providers, [object.get(r, "provider", ""), "region_attribute"], "region")

# Placed outside Vietnam: a known location whose country is not VN.
outside_vietnam := [p |
	some p in placements
	p.where.country != "VN"
	not location_unknown(p)
	not region_undeclared(p)
]

country_of(p) := p.where.country if p.where.country != null

else := "?"
