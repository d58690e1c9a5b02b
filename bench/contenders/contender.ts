/** What each framework under test implements, in its own idiomatic public API. */

/** Sends one user turn of an ongoing conversation; resolves to the answer text. */
export type ConversationTurn = (text: string) => Promise<string>;

/** A live contender, set up against one emulator endpoint. */
export interface Contender {
  /** One run of the weather agent: a new conversation, one question, one tool call, the answer text. */
  weatherRun(question: string, streaming: boolean): Promise<string>;
  /** A new conversation with no windowing. */
  startConversation(): ConversationTurn;
  /**
   * What the framework keeps for one idle conversation holding `texts` (alternating user and
   * assistant), built the way an application would keep it between requests.
   */
  holdConversation?(texts: readonly string[]): unknown;
}

export interface ContenderDefinition {
  /** Short identifier, used on the command line and in results. */
  key: string;
  label: string;
  /** How it reaches the server, for comparing against the floor on the same transport. */
  transport: string;
  /** The key of the floor contender on the same transport (absent for floors). */
  floorKey?: string;
  /** True for the hand-written raw loops. */
  isFloor?: boolean;
  /**
   * True for a second copy of a floor, compared with the floor like any contender: the same work
   * in other processes, so how far it lands from 1.00× is the run's own noise. Only in (a).
   */
  isControl?: boolean;
  create(endpoint: string): Promise<Contender>;
}
