// Which variable files a Terraform root loads by itself; no imports, so the output guard (src/io/output-paths.ts) can use it cheaply.

/** The .tfvars files Terraform loads by itself from a root directory, in its order. */
export function autoVarFiles(names: string[]): string[] {
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  return [
    ...(names.includes('terraform.tfvars') ? ['terraform.tfvars'] : []),
    ...(names.includes('terraform.tfvars.json') ? ['terraform.tfvars.json'] : []),
    ...auto,
  ];
}
