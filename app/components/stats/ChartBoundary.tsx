// Whatever a chart's data holds, a drawing that throws is caught here and said plainly: the rest of the
// page stays usable ("never a broken chart"). New data (`data` changes) tries again.
import { Component, type ReactNode } from "react";

interface Props {
  fallback: ReactNode;
  data: unknown;
  children: ReactNode;
}

export class ChartBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: Props) {
    if (this.state.failed && previous.data !== this.props.data) this.setState({ failed: false });
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
