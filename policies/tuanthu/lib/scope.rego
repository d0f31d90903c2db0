# What data a system declares it holds, for rules that apply only to some data. A missing
# declaration counts as holding it (unknown is in scope), except national_databases: that is a
# list of what is held, so an absent list means none.
package tuanthu.lib

declared_data := object.get(d, "data", {})

# state_secret must be stated as "none" to be out of scope.
holds_state_secret if not declared_data.state_secret == "none"

# state_secret is declared at all ("none" included): when it is not, rules that turn on it report
# "unknown, declare it" rather than presume either way.
declares_state_secret if is_string(declared_data.state_secret)

# Declared as holding state secrets (any grade but "none").
declared_state_secret if {
	declares_state_secret
	declared_data.state_secret != "none"
}

holds_national_database if count(national_databases) > 0

national_databases := object.get(declared_data, "national_databases", [])

# Personal, sensitive, state-secret or national-database data.
holds_protected_data if holds_state_secret

holds_protected_data if holds_national_database

holds_protected_data if object.get(declared_data, "personal_subjects", 0) > 0

holds_protected_data if declared_data.sensitive_personal == true
