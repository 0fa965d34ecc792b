export function loader() {
  return Response.json({ todo: true });
}
