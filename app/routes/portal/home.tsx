export default function Page() {
  return <h1>portal/home</h1>;
}
