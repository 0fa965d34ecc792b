export default function Page() {
  return <h1>admin/orgs</h1>;
}
