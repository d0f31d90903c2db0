# METADATA
# scope: package
# custom:
#   id: AWS-TLS-02
#   severity: high
#   stages: [design, build, pre-production, production]
#   supports: [CRY-01]
#   clauses: ["KH04:II.2.a", "TB06:III.3.b"]
#   clause_items: {"KH04:II.2.a": ["6"]}
#   title:
#     en: "CloudFront serves HTTPS with TLS 1.2 or later"
#     vi: "CloudFront phục vụ HTTPS với TLS 1.2 trở lên"
#   description:
#     en: "CloudFront distributions allow viewers only HTTPS (https-only or redirect-to-https) with a minimum protocol of TLSv1.2."
#     vi: "Phân phối CloudFront chỉ cho người dùng kết nối HTTPS (https-only hoặc redirect-to-https) với giao thức tối thiểu TLSv1.2."
#   messages:
#     viewer_protocol:
#       en: "Distribution {address} lets viewers use plain HTTP ({policy})."
#       vi: "Phân phối {address} cho phép người dùng kết nối HTTP không mã hoá ({policy})."
#     min_tls:
#       en: "Distribution {address} accepts TLS below 1.2 (minimum {version})."
#       vi: "Phân phối {address} chấp nhận TLS dưới 1.2 (tối thiểu {version})."
#     unknown:
#       en: "Whether distribution {address} requires HTTPS with TLS 1.2 or later is unknown until apply ({expression})."
#       vi: "Phân phối {address} có bắt buộc HTTPS với TLS 1.2 trở lên hay không chỉ biết sau khi apply ({expression})."
#   remediation:
#     en: >-
#       Set viewer_protocol_policy = "redirect-to-https" on every cache behaviour, use your own
#       certificate and minimum_protocol_version = "TLSv1.2_2021".
#     vi: >-
#       Đặt viewer_protocol_policy = "redirect-to-https" cho mọi cache behaviour, dùng chứng thư riêng
#       và minimum_protocol_version = "TLSv1.2_2021".
#   snippet: |
#     viewer_certificate {
#       acm_certificate_arn      = aws_acm_certificate.site.arn
#       minimum_protocol_version = "TLSv1.2_2021"
#     }
package tuanthu.rules.aws.aws_tls_02

import data.tuanthu.iac
import data.tuanthu.lib

secure := {"https-only", "redirect-to-https"}

behaviours(d) := array.concat(iac.blocks(d.values, "default_cache_behavior"), iac.blocks(d.values, "ordered_cache_behavior"))

deny contains lib.finding(d.address, "viewer_protocol", {"address": d.address, "policy": b.viewer_protocol_policy}) if {
	some d in iac.of_type("aws_cloudfront_distribution")
	some b in behaviours(d)
	not b.viewer_protocol_policy in secure
	not expression(b.viewer_protocol_policy)
}

deny contains lib.finding(d.address, "min_tls", {"address": d.address, "version": version(d)}) if {
	some d in iac.of_type("aws_cloudfront_distribution")
	not iac.unknown_path(d, certificate_pattern)
	not tls12(version(d))
}

deny contains lib.unknown_finding(d.address, "unknown", {"address": d.address, "expression": iac.expression_at(d, u)}) if {
	some d in iac.of_type("aws_cloudfront_distribution")
	u := min([u | some pattern in [behaviour_pattern, certificate_pattern]; u := iac.unknown_path(d, pattern)])
}

behaviour_pattern := `^(default_cache_behavior|ordered_cache_behavior)(\.[0-9]+)?(\.viewer_protocol_policy)?$`

certificate_pattern := `^viewer_certificate(\.[0-9]+)?(\.(minimum_protocol_version|cloudfront_default_certificate))?$`

expression(v) if {
	is_string(v)
	contains(v, "${")
}

# The default CloudFront certificate always allows TLSv1.
version(d) := v if {
	some c in iac.blocks(d.values, "viewer_certificate")
	not c.cloudfront_default_certificate == true
	v := protocol_version(c)
}

version(d) := "TLSv1" if {
	not custom_certificate(d)
}

custom_certificate(d) if {
	some c in iac.blocks(d.values, "viewer_certificate")
	not c.cloudfront_default_certificate == true
}

tls12(v) if {
	some prefix in iac.cloudfront_tls12_prefixes
	startswith(v, prefix)
}

protocol_version(c) := c.minimum_protocol_version if is_string(c.minimum_protocol_version)

protocol_version(c) := "TLSv1" if not has_string(c, "minimum_protocol_version")

has_string(obj, key) if is_string(obj[key])
