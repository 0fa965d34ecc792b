export default function Page() {
  return <h1>admin/account-edit</h1>;
}
