/** Choosing a version from a URL parameter (?version=N): published versions only. */
export function pickVersion<V extends { number: number; publishedAt: Date | null }>(versions: V[], param: string | null): V | undefined {
  if (!param || !/^[1-9][0-9]{0,5}$/.test(param)) return undefined;
  return versions.find((v) => v.number === Number(param) && v.publishedAt);
}
