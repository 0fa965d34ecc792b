// The "done" notice after a change on a schema page. It sticks below the console header so that a change
// made far down a long field list (a move, a toggle) is still confirmed where the eye is.
import { Link } from "react-router";
import { Notice } from "../ui.tsx";

export function DoneNotice(props: { text: string; link?: string; linkText?: string }) {
  return (
    <div className="sticky top-16 z-10 shadow-sm">
      <Notice kind="success">
        {props.text}
        {props.link && props.linkText ? (
          <>
            {" "}
            <Link to={props.link} className="font-medium underline">
              {props.linkText} →
            </Link>
          </>
        ) : null}
      </Notice>
    </div>
  );
}
