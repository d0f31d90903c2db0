# An organisation's own rules, checked by `tuanthu check --policy` beside the built-in ones.
# Example: a ministry's internal regulation (a made-up "Quy chế ATTT nội bộ" of Bộ Tài chính).
# The contract (docs/custom-policies.md): `rules` is the catalogue of the rules, constant;
# `findings` the findings for one input, the same input the built-in policy gets.
package custom

rules := {
	"X-BTC-01": {
		"title": {
			"vi": "Đầu mối an toàn thông tin dùng hộp thư công vụ (.gov.vn)",
			"en": "Security contact on an official (.gov.vn) mailbox",
		},
		"severity": "high",
		"clauses": ["QC-ATTT-BTC Điều 5.2"],
		"stages": ["build", "pre-production", "production"],
		"remediation": {
			"vi": "Đặt system.security_unit.contact là một hộp thư công vụ có đuôi .gov.vn.",
			"en": "Set system.security_unit.contact to an official mailbox ending in .gov.vn.",
		},
		"messages": {
			"missing": {
				"vi": "Chưa khai báo đầu mối an toàn thông tin (system.security_unit.contact).",
				"en": "No security contact is declared (system.security_unit.contact).",
			},
			"not_official": {
				"vi": "Đầu mối an toàn thông tin {contact} không phải hộp thư công vụ .gov.vn.",
				"en": "The security contact {contact} is not an official .gov.vn mailbox.",
			},
		},
	},
	"X-BTC-02": {
		"title": {
			"vi": "Hệ thống cấp độ 3 trở lên có đơn vị vận hành",
			"en": "Level 3 and above systems name their operator",
		},
		"severity": "medium",
		"clauses": ["QC-ATTT-BTC Điều 7.1"],
		"remediation": {
			"vi": "Khai báo system.operator: đơn vị vận hành hệ thống.",
			"en": "Declare system.operator: the unit that operates the system.",
		},
		"messages": {"default": {
			"vi": "Hệ thống cấp độ {level} chưa khai báo đơn vị vận hành.",
			"en": "A level {level} system with no operator declared.",
		}},
	},
}

findings contains {"rule": "X-BTC-01", "path": "/system", "msg": "missing", "params": {}} if {
	not input.descriptor.system.security_unit.contact
}

findings contains f if {
	contact := input.descriptor.system.security_unit.contact
	not endswith(lower(contact), ".gov.vn")
	f := {
		"rule": "X-BTC-01",
		"path": "/system/security_unit/contact",
		"msg": "not_official",
		"params": {"contact": contact},
	}
}

findings contains f if {
	level := input.descriptor.classification.level
	level >= 3
	not input.descriptor.system.operator
	f := {"rule": "X-BTC-02", "path": "/system", "params": {"level": level}}
}
