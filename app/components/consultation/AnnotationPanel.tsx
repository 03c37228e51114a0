/**
 * The panel a text selection opens (draft page and lot pages): the annotation form with the
 * quoted words, or a sign-in link; after a refused post it reopens with what was typed.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/utils/use-page";
import { CommentForm, type CommentFormErrors } from "./CommentForm";
import type { useTextSelection } from "./useTextSelection";

export interface AnnotationFailure {
  errors: CommentFormErrors;
  values: { body: string; blockId: string | null; exact?: string; prefix?: string; suffix?: string; start?: string; end?: string; parentId?: string | null };
}

/** The refused post was an annotation (it had offsets and was not a reply). */
export function failedAnnotationOf<F extends AnnotationFailure>(failure: F | undefined): F | undefined {
  return failure && failure.values.start !== undefined && failure.values.start !== "" && !failure.values.parentId ? failure : undefined;
}

type Selection = ReturnType<typeof useTextSelection>["selection"];

export function AnnotationPanel({ selection, clear, failure, formKey, loginHref }: { selection: Selection; clear: () => void; failure?: AnnotationFailure; formKey: string; loginHref: string }) {
  const { t } = useTranslation("consultation");
  const { t: ta } = useTranslation("annotations");
  const { user } = useRootData();
  const failed = failedAnnotationOf(failure);
  const panel =
    selection ?? (failed ? { blockId: failed.values.blockId ?? "", exact: failed.values.exact ?? "", prefix: failed.values.prefix ?? "", suffix: failed.values.suffix ?? "", start: Number(failed.values.start), end: Number(failed.values.end) } : undefined);
  return (
    <aside className={`annotation-panel${panel ? " annotation-panel--open" : ""}`} aria-live="polite" aria-label={ta("panel_label")} data-plain-skip="">
      {panel ? (
        user ? (
          <CommentForm
            key={`${panel.blockId}:${panel.start}:${panel.end}`}
            id="form-annotate"
            blockId={panel.blockId}
            idempotencyKey={`${formKey}-a${panel.blockId.slice(0, 6)}${panel.start}-${panel.end}`}
            legend={ta("panel_title")}
            defaultBody={failed?.values.body}
            errors={failed?.errors}
            loginHref={loginHref}
            quote={{ mode: "selection", ...panel }}
            compact
            extraActions={
              <button type="button" className="button button--secondary" onClick={clear}>
                {ta("cancel")}
              </button>
            }
          />
        ) : (
          <p>
            {ta("sign_in_to_annotate")} <Link to={loginHref}>{t("comments.sign_in_link")}</Link>
          </p>
        )
      ) : (
        <p className="hint">{ta("how_to")}</p>
      )}
    </aside>
  );
}
