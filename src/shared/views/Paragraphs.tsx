/** Plain text with blank-line-separated paragraphs, rendered as <p> elements (escaped). */
export function Paragraphs({ text, class: className }: { text: string | null | undefined; class?: string }) {
  if (!text) return null;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p) => (
        <p class={className}>{p}</p>
      ))}
    </>
  );
}
