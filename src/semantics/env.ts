// The environment of names a framework (with everything it extends) or an agreement
// (with every framework it conforms to, and its local functions) sees.
import type { DimensionDecl, Framework, FunctionDecl, ModelDecl, RuleDecl, Span } from "../syntax/ast.js";
import { Namespace } from "./namespace.js";

export interface NamedInfo {
  id: string;
  title?: string;
  framework?: string;
  span: Span;
}

export interface FunctionInfo {
  id: string;
  title?: string;
  /** Effective category: its own, or its parent's. */
  category?: string;
  parent?: string;
  activity: boolean;
  framework?: string;
  span: Span;
  /** Dotted ids of its descendant leaves (itself when a leaf), in declaration order. */
  leaves: string[];
}

export interface DimensionInfo {
  id: string;
  type: "money" | "number" | "enum";
  values: string[];
  framework: string;
  span: Span;
  decl: DimensionDecl;
}

export interface ModelInfo {
  id: string;
  framework: string;
  decl: ModelDecl;
}

export interface RuleInfo {
  id: string;
  framework: string;
  decl: RuleDecl;
}

export interface FrameworkNode {
  id: string;
  decl: Framework;
}

export interface LocalFunction {
  decl: FunctionDecl;
  /** Innermost enclosing clause number. */
  clause?: string;
}

export interface Env {
  /** The frameworks in scope, bases first (post-order over `extends`), each once. */
  frameworks: FrameworkNode[];
  kinds: Namespace<NamedInfo>;
  roles: Namespace<NamedInfo>;
  categories: Namespace<NamedInfo>;
  provisions: Namespace<NamedInfo>;
  levels: Namespace<NamedInfo>;
  functions: Namespace<FunctionInfo>;
  dimensions: Namespace<DimensionInfo>;
  models: Namespace<ModelInfo>;
  rules: Namespace<RuleInfo>;
  /** Level ids, widest first. */
  levelList: string[];
  /** Every function (parents before their children), in declaration order. */
  functionList: FunctionInfo[];
  dimensionList: DimensionInfo[];
  /** The local functions' declarations (agreements only). */
  localFunctions: LocalFunction[];
}

export function emptyEnv(): Env {
  return {
    frameworks: [],
    kinds: new Namespace({ what: "kind" }),
    roles: new Namespace({ what: "role" }),
    categories: new Namespace({ what: "category" }),
    provisions: new Namespace({ what: "provision" }),
    levels: new Namespace({ what: "level" }),
    functions: new Namespace({ what: "function" }),
    dimensions: new Namespace({ what: "dimension" }),
    models: new Namespace({ what: "model" }),
    rules: new Namespace({ what: "rule" }),
    levelList: [],
    functionList: [],
    dimensionList: [],
    localFunctions: [],
  };
}

/** The activities (leaves) in declaration order. */
export function activities(env: Env): string[] {
  return env.functionList.filter((f) => f.activity).map((f) => f.id);
}

export function placeLevel(env: Env): string | null {
  return env.levelList.length > 0 ? env.levelList[env.levelList.length - 1] : null;
}
