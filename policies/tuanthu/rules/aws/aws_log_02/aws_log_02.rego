# METADATA
# scope: package
# custom:
#   id: AWS-LOG-02
#   severity: medium
#   stages: [design, build, pre-production, production]
#   supports: [MON-03]
#   clauses: ["KH04:V.1.m", "KH04:III.2(ii)"]
#   clause_items: {"KH04:V.1.m": ["9"]}
#   title:
#     en: "GuardDuty on and VPC flow logs recorded"
#     vi: "Bật GuardDuty và ghi flow log VPC"
#   description:
#     en: "Threat detection (GuardDuty) is enabled and every VPC records flow logs, as inputs to 24/7 monitoring."
#     vi: "Bật phát hiện mối đe doạ (GuardDuty) và mọi VPC ghi flow log, làm đầu vào cho giám sát 24/7."
#   messages:
#     no_guardduty:
#       en: "The infrastructure code enables no GuardDuty detector."
#       vi: "Mã hạ tầng chưa bật GuardDuty."
#     no_flow_log:
#       en: "VPC {address} records no flow logs."
#       vi: "VPC {address} chưa ghi flow log."
#     unknown_guardduty:
#       en: "Whether GuardDuty detector {address} is enabled is unknown until apply ({expression})."
#       vi: "GuardDuty {address} có được bật hay không chỉ biết sau khi apply ({expression})."
#     unknown_flow_log:
#       en: "Whether VPC {address} records flow logs is unknown until apply: flow log {flow_log} names its VPC by an expression ({expression})."
#       vi: "VPC {address} có ghi flow log hay không chỉ biết sau khi apply: flow log {flow_log} chỉ định VPC bằng biểu thức ({expression})."
#   remediation:
#     en: >-
#       Add aws_guardduty_detector with enable = true, and an aws_flow_log (traffic_type = "ALL") for
#       every VPC, sent to the monitoring system.
#     vi: >-
#       Thêm aws_guardduty_detector với enable = true và aws_flow_log (traffic_type = "ALL") cho mọi
#       VPC, chuyển về hệ thống giám sát.
#   snippet: |
#     resource "aws_guardduty_detector" "main" { enable = true }
#     resource "aws_flow_log" "main" {
#       vpc_id       = aws_vpc.main.id
#       traffic_type = "ALL"
#     }
package tuanthu.rules.aws.aws_log_02

import data.tuanthu.iac
import data.tuanthu.lib

deny contains lib.finding(iac.stack_path, "no_guardduty", {}) if {
	not guardduty
	count(unknown_detectors) == 0
}

deny contains lib.unknown_finding(d.address, "unknown_guardduty", {"address": d.address, "expression": iac.unknown_expression(d, "enable")}) if {
	not guardduty
	some d in unknown_detectors
}

deny contains lib.finding(v.address, "no_flow_log", {"address": v.address}) if {
	count(unmatched_flow_logs) == 0
	some v in iac.of_type("aws_vpc")
	count(iac.attached(v, "aws_flow_log")) == 0
}

# A flow log whose VPC is an expression naming no VPC of this code (a module output, a variable)
# may be this VPC's: which one is only known after apply.
deny contains lib.unknown_finding(v.address, "unknown_flow_log", params) if {
	f := unmatched_flow_logs[0]
	some v in iac.of_type("aws_vpc")
	count(iac.attached(v, "aws_flow_log")) == 0
	params := {"address": v.address, "flow_log": f.address, "expression": iac.unknown_expression(f, "vpc_id")}
}

not_applicable contains {"code": "no_provider", "params": {"provider": "aws"}} if not iac.uses_aws

unknown_detectors := [d | some d in iac.of_type("aws_guardduty_detector"); iac.unknown_within(d, "enable")]

unmatched_flow_logs := [f |
	some f in iac.of_type("aws_flow_log")
	iac.unknown_within(f, "vpc_id")
	not names_a_vpc(f)
]

names_a_vpc(f) if {
	some a in f.refs
	startswith(a, "aws_vpc.")
}

guardduty if {
	some d in iac.of_type("aws_guardduty_detector")
	not d.values.enable == false
	not iac.unknown_within(d, "enable")
}
