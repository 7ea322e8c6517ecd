import type { RuleContext } from './plan/plan.ts';
import type { SandboxState } from './state/sandboxState.ts';

/**
 * The rules' view of a sandbox: the live clock and settings, and mail routing. A class, so
 * its getters are one function for every sandbox: getters of a literal made per sandbox are
 * new functions each time, and code compiled for one sandbox was thrown away when the next
 * was made (a scenario loaded, say) because it called the last one's.
 */
export class LiveContext implements RuleContext {
  constructor(private readonly state: SandboxState) {}

  get now() {
    return this.state.now;
  }

  get settings() {
    return this.state.settings;
  }

  orgForDomain(domain: string): string | null {
    const d = domain.toLowerCase();
    for (const id of this.state.orgOrder) if (this.state.orgs[id]!.domain === d) return id;
    return null;
  }
}
