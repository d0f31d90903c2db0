# METADATA
# scope: package
# custom:
#   id: IDN-02
#   severity: medium
#   stages: [design, build, pre-production, production]
#   clauses: ["CT57:1.d", "KH04:IV.3.b(v)"]
#   title:
#     en: Administrative access uses multi-factor authentication
#     vi: Truy cập quản trị dùng xác thực đa yếu tố
#   description:
#     en: >-
#       Administrators authenticate with more than one factor (context: the authentication
#       requirements of TCVN 11930 for levels 2 and above).
#     vi: >-
#       Quản trị viên xác thực bằng nhiều yếu tố (tham khảo yêu cầu xác thực của TCVN 11930 từ cấp độ 2).
#   messages:
#     no_mfa:
#       en: "Administrative access is not declared to use multi-factor authentication (identity.admin_mfa)."
#       vi: "Truy cập quản trị chưa khai báo dùng xác thực đa yếu tố (identity.admin_mfa)."
#   remediation:
#     en: >-
#       Require a second factor (token, OTP app, certificate, smart card) for every administrative
#       account and declare identity.admin_mfa: true.
#     vi: >-
#       Bắt buộc yếu tố xác thực thứ hai (token, ứng dụng OTP, chứng thư số, thẻ thông minh) cho mọi tài
#       khoản quản trị và khai báo identity.admin_mfa: true.
#   snippet: |
#     identity: {admin_mfa: true}
package tuanthu.rules.idn.idn_02

import data.tuanthu.lib

deny contains lib.finding("/identity/admin_mfa", "no_mfa", {}) if not lib.d.identity.admin_mfa == true
