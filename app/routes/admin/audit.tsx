export default function Page() {
  return <h1>admin/audit</h1>;
}
