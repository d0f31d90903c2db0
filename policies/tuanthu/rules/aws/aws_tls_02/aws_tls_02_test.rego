package tuanthu.rules.aws.aws_tls_02_test

import data.tuanthu.rules.aws.aws_tls_02

dist(behaviour, cert) := {
	"address": "aws_cloudfront_distribution.site",
	"type": "aws_cloudfront_distribution",
	"values": {"default_cache_behavior": [behaviour], "viewer_certificate": [cert]},
	"unknown": [],
	"refs": [],
}

prefixes := ["TLSv1.2_"]

test_redirect_tls12_passes if {
	count(aws_tls_02.deny) == 0 with input.iac as {"resources": [dist({"viewer_protocol_policy": "redirect-to-https"}, {"acm_certificate_arn": "x", "minimum_protocol_version": "TLSv1.2_2021"})]}
		with data.tuanthu.iac.cloudfront_tls12_prefixes as prefixes
}

test_allow_all_and_default_cert_fail if {
	count(aws_tls_02.deny) == 2 with input.iac as {"resources": [dist({"viewer_protocol_policy": "allow-all"}, {"cloudfront_default_certificate": true})]}
		with data.tuanthu.iac.cloudfront_tls12_prefixes as prefixes
}
