# METADATA
# scope: package
# custom:
#   id: PL4-01
#   severity: high
#   stages: [production]
#   due: "2026-04-30"
#   clauses: ["KH04:V.1.m"]
#   clause_items: {"KH04:V.1.m": ["10(1)"]}
#   title:
#     en: On-site force named (4-layer model, layer 1)
#     vi: Có lực lượng tại chỗ (mô hình 4 lớp, lớp 1)
#   description:
#     en: >-
#       A system in operation has an on-site force, with a named lead and members, responsible for
#       operation, monitoring and first response to incidents, by 30 April 2026.
#     vi: >-
#       Hệ thống đang vận hành có lực lượng tại chỗ (có người phụ trách và thành viên) chịu trách nhiệm
#       vận hành, giám sát và ứng cứu ban đầu khi có sự cố, hạn trong tháng 4/2026.
#   messages:
#     no_team:
#       en: "No on-site force is declared (protection_layers.on_site_team)."
#       vi: "Chưa khai báo lực lượng tại chỗ (protection_layers.on_site_team)."
#     no_lead:
#       en: "The on-site force has no named lead (protection_layers.on_site_team.lead)."
#       vi: "Lực lượng tại chỗ chưa có người phụ trách (protection_layers.on_site_team.lead)."
#     no_members:
#       en: "The on-site force declares {members} members; at least one is needed (protection_layers.on_site_team.members)."
#       vi: "Lực lượng tại chỗ khai báo {members} thành viên; cần ít nhất một (protection_layers.on_site_team.members)."
#   remediation:
#     en: >-
#       Assign an on-site team for operation, monitoring and first response, name its lead and record it
#       under protection_layers.on_site_team (lead, members).
#     vi: >-
#       Phân công lực lượng tại chỗ vận hành, giám sát, ứng cứu ban đầu, chỉ định người phụ trách và ghi
#       vào protection_layers.on_site_team (lead, members).
#   snippet: |
#     protection_layers:
#       on_site_team: {lead: Trần Thị Bình, members: 4}
package tuanthu.rules.pl4.pl4_01

import data.tuanthu.lib

team := lib.d.protection_layers.on_site_team

deny contains lib.finding("/protection_layers/on_site_team", "no_team", {}) if not team

deny contains lib.finding("/protection_layers/on_site_team/lead", "no_lead", {}) if {
	team
	not lib.has_text(team, "lead")
}

deny contains lib.finding("/protection_layers/on_site_team/members", "no_members", {"members": object.get(team, "members", 0)}) if {
	team
	not staffed
}

staffed if team.members >= 1
