export default function Page() {
  return <h1>admin/accounts</h1>;
}
