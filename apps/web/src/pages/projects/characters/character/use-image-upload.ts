// Uploads dropped files one after another, with the progress of the current one and a sentence for each refusal.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError } from '@/api/api-error';
import type { UploadOptions } from '@/api/upload';
import { acceptedImageTypes, notifyError, type UploadProgress } from '@/components';

interface ImageUploadOptions<T> {
  upload: (file: File, options: UploadOptions) => Promise<T>;
  onUploaded: (result: T, file: File) => void;
}

/** The browser names the type from the extension; a file it knows not to be PNG, JPEG or WebP is refused here. */
function refusalOf(file: File): string | null {
  if (!file.type || (acceptedImageTypes as readonly string[]).includes(file.type)) return null;
  return `${file.name} is not a PNG, JPEG or WebP image.`;
}

export function useImageUpload<T>({ upload, onUploaded }: ImageUploadOptions<T>) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (sent: number) => void }) =>
      upload(file, { onProgress }),
    meta: { handlesErrors: true },
  });

  const start = async (files: File[]) => {
    const refused: string[] = [];
    setErrors([]);
    for (const [index, file] of files.entries()) {
      const refusal = refusalOf(file);
      if (refusal) {
        refused.push(refusal);
        notifyError(new Error(refusal), 'Upload refused');
        continue;
      }
      const step = { fileName: file.name, index, total: files.length };
      setProgress({ ...step, sent: 0 });
      try {
        const result = await mutation.mutateAsync({
          file,
          onProgress: (sent) => setProgress({ ...step, sent }),
        });
        onUploaded(result, file);
      } catch (error) {
        refused.push(describeError(error));
        notifyError(error, 'Upload refused');
      }
    }
    setProgress(null);
    setErrors(refused);
  };

  return { start: (files: File[]) => void start(files), progress, errors };
}
