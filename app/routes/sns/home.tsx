export default function Page() {
  return <h1>sns/home</h1>;
}
