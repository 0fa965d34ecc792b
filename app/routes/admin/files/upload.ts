// Placeholder until the route is built.
export function loader() {
  return new Response(null, { status: 404 });
}
