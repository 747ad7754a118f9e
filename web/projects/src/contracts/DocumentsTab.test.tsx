/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@kpd/web-kit/testing';
import { Provider } from 'urql';
import { LocaleProvider, uploadFile, type Viewer } from '@kpd/web-kit';
import { fakeServer } from '@kpd/web-kit/testing';
import { DocumentsTab } from './DocumentsTab';

jest.mock('@kpd/web-kit', () => ({ ...jest.requireActual('@kpd/web-kit'), uploadFile: jest.fn() }));
const upload = uploadFile as jest.MockedFunction<typeof uploadFile>;

const viewer: Viewer = { id: '1', username: 'admin.dadong', displayName: '大东区发改局', role: 'ADMIN', area: { id: '9', name: '大东区', level: 'DISTRICT' } };
const acceptance = {
  id: '31',
  documentType: 'COMPLETION_CERTIFICATE',
  title: '大东区东塔片区老旧小区改造项目竣工验收备案表',
  number: '大东竣备〔2020〕08号',
  issuer: '沈阳市大东区住房和城乡建设局',
  issuedOn: '2020-08-28',
  version: 1,
  files: [{ id: 'f-scan', name: 'DD-2019-001-竣工验收备案表.jpg', mime: 'image/jpeg', url: '/api/files/f-scan' }],
};

describe('项目文件: documents with their uploaded files', () => {
  test('lists each document’s files as links, uploads a PDF as a document and saves it with its file ids', async () => {
    const { client, calls } = fakeServer({
      ProjectDocuments: () => ({ data: { project: { id: '7', documents: [acceptance] } } }),
      SaveProjectDocument: () => ({ data: { saveProjectDocument: { id: '32', version: 1 } } }),
    });
    upload.mockResolvedValue({ id: 'f-pdf', name: '环评批复.pdf', mime: 'application/pdf', url: '/api/files/f-pdf' });
    render(
      <Provider value={client}>
        <LocaleProvider locale="zh">
          <DocumentsTab projectId="7" viewer={viewer} />
        </LocaleProvider>
      </Provider>,
    );
    const link = await screen.findByText('DD-2019-001-竣工验收备案表.jpg');
    expect(link.getAttribute('href')).toBe('/api/files/f-scan');

    fireEvent.click(screen.getByTestId('document-add'));
    fireEvent.change(await screen.findByTestId('document-title'), { target: { value: '关于环境影响报告表的批复' } });
    const input = screen.getByTestId('document-file-list').querySelector('input[type=file]') as HTMLInputElement;
    const pdf = new File(['%PDF-1.4'], '环评批复.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [pdf] } });
    await waitFor(() => expect(upload).toHaveBeenCalledWith(pdf, 'document', expect.any(Function)));
    expect((await within(screen.getByTestId('document-file-list')).findByText('环评批复.pdf')).getAttribute('href')).toBe('/api/files/f-pdf');

    fireEvent.click(screen.getByTestId('document-save'));
    await waitFor(() => expect(calls.some((c) => c.name === 'SaveProjectDocument')).toBe(true));
    const saved = calls.find((c) => c.name === 'SaveProjectDocument')!;
    expect(saved.variables).toMatchObject({ projectId: '7', input: { documentType: 'FEASIBILITY_STUDY', title: '关于环境影响报告表的批复', fileIds: ['f-pdf'] } });
  });
});
